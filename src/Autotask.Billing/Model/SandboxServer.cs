using System.Management.Automation;

namespace Autotask.Billing;

/// <summary>
/// A sandbox served on a loopback port by Start-AtBillingSandbox: everything any Autotask client needs to connect
/// (Connect-AtBilling -Credential $s.Credential -ApiIntegrationCode $s.ApiIntegrationCode -ZoneUri $s.Uri).
/// </summary>
public sealed class SandboxServer
{
    public SandboxServer(Uri uri, PSCredential credential, string apiIntegrationCode, int port, long databaseId, string? path)
    {
        Uri = uri;
        Credential = credential;
        ApiIntegrationCode = apiIntegrationCode;
        Port = port;
        DatabaseId = databaseId;
        Path = path;
    }

    /// <summary>The REST root, as ZoneInformation returns it (http://127.0.0.1:port/ATServicesRest/).</summary>
    public Uri Uri { get; }

    /// <summary>The sandbox's API user and secret.</summary>
    public PSCredential Credential { get; }

    public string ApiIntegrationCode { get; }

    public int Port { get; }

    public long DatabaseId { get; }

    /// <summary>The JSON file the sandbox keeps its state in, when it has one.</summary>
    public string? Path { get; }

    public override string ToString() => Uri.ToString();
}
