using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

public sealed class MappingStoreLocationTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "atb-location"));

    [Fact]
    public void An_explicit_state_folder_wins_over_the_environment()
    {
        var path = MappingStoreLocation.Resolve(Path.Combine(Root, "state"), "123456", _ => Path.Combine(Root, "home"), () => Root);

        Assert.Equal(Path.Combine(Root, "state", "mappings-123456.json"), path);
    }

    [Fact]
    public void An_explicit_json_path_names_the_store_file_itself()
    {
        var path = MappingStoreLocation.Resolve(Path.Combine(Root, "tenant-a.json"), "123456", _ => null, () => Root);

        Assert.Equal(Path.Combine(Root, "tenant-a.json"), path);
    }

    [Fact]
    public void The_home_variable_is_used_when_no_state_path_is_given()
    {
        var path = MappingStoreLocation.Resolve(
            null, "123456", name => name == MappingStoreLocation.HomeVariable ? Path.Combine(Root, "home") : null, () => Root);

        Assert.Equal(Path.Combine(Root, "home", "mappings-123456.json"), path);
    }

    [Fact]
    public void Without_either_the_store_lives_in_the_users_application_data_folder()
    {
        var path = MappingStoreLocation.Resolve(" ", "123456", _ => "", () => Path.Combine(Root, "appdata"));

        Assert.Equal(Path.Combine(Root, "appdata", "Autotask.Billing", "mappings-123456.json"), path);
    }

    [Fact]
    public void A_database_id_cannot_escape_the_folder()
    {
        Assert.Equal("mappings-.._x_y.json", MappingStoreLocation.FileNameFor("../x/y"));
    }
}
