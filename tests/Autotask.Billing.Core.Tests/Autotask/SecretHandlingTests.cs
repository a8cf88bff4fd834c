using Autotask.Billing.Autotask;
using Autotask.Billing.Autotask.Transport;
using Newtonsoft.Json;

namespace Autotask.Billing.Tests.Autotask;

public sealed class SecretHandlingTests
{
    private const string SecretMarker = "S3cr3t-MARKER-7f1c";
    private const string CodeMarker = "INTCODE-MARKER-2b9e";

    [Fact]
    public void A_secret_never_shows_its_value()
    {
        var secret = new ApiSecret(SecretMarker);

        Assert.DoesNotContain(SecretMarker, secret.ToString());
        Assert.DoesNotContain(SecretMarker, $"{secret}");
        Assert.DoesNotContain(SecretMarker, JsonConvert.SerializeObject(secret));
    }

    [Fact]
    public void A_credential_shows_only_its_user_name()
    {
        var credential = new AutotaskCredential("api@example.com", new ApiSecret(SecretMarker), new ApiSecret(CodeMarker));

        var text = credential + JsonConvert.SerializeObject(credential);

        Assert.Contains("api@example.com", text);
        Assert.DoesNotContain(SecretMarker, text);
        Assert.DoesNotContain(CodeMarker, text);
    }

    [Fact]
    public void The_redactor_masks_both_secrets_in_any_case()
    {
        var redactor = new SecretRedactor(new AutotaskCredential("u", new ApiSecret(SecretMarker), new ApiSecret(CodeMarker)));

        var redacted = redactor.Redact($"bad {SecretMarker.ToLowerInvariant()} and {CodeMarker} here");

        Assert.Equal("bad ******** and ******** here", redacted);
    }
}
