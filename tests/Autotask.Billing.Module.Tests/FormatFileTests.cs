using System.Xml.Linq;

namespace Autotask.Billing.Module.Tests;

[Collection(BuiltModuleCollection.Name)]
public sealed class FormatFileTests
{
    private readonly BuiltModule _module;

    public FormatFileTests(BuiltModule module) => _module = module;

    [Fact]
    public void Every_output_type_of_the_module_has_a_view_in_the_format_file()
    {
        var viewed = ViewedTypeNames();
        var outputTypes = _module.Cmdlets
            .SelectMany(cmdlet => cmdlet.OutputTypeNames)
            .Where(name => name.StartsWith("Autotask.Billing.", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(outputTypes);
        Assert.DoesNotContain(outputTypes, name => !viewed.Contains(name));
    }

    [Fact]
    public void Every_view_also_formats_the_deserialized_type_from_Import_Clixml()
    {
        foreach (var view in Document().Descendants("View"))
        {
            var names = view.Element("ViewSelectedBy")!.Elements("TypeName").Select(e => e.Value).ToList();
            var live = names.Where(n => !n.StartsWith("Deserialized.", StringComparison.Ordinal));
            Assert.All(live, name => Assert.Contains("Deserialized." + name, names));
        }
    }

    [Fact]
    public void Table_views_show_four_to_six_columns()
    {
        foreach (var table in Document().Descendants("TableControl"))
        {
            var columns = table.Element("TableHeaders")!.Elements("TableColumnHeader").Count();
            Assert.InRange(columns, 4, 6);
            Assert.Equal(columns, table.Descendants("TableColumnItem").Count());
        }
    }

    [Fact]
    public void Every_view_is_named_after_the_type_it_formats_and_no_type_has_two_table_views()
    {
        var tables = Document().Descendants("View").Where(v => v.Element("TableControl") is not null).Select(v => v.Element("Name")!.Value).ToList();
        Assert.Equal(tables.Count, tables.Distinct().Count());
        foreach (var view in Document().Descendants("View"))
        {
            Assert.Contains(view.Element("Name")!.Value, view.Element("ViewSelectedBy")!.Elements("TypeName").Select(e => e.Value));
        }
    }

    private XDocument Document() => XDocument.Load(Path.Combine(_module.ModuleFolder, "Autotask.Billing.Format.ps1xml"));

    private HashSet<string> ViewedTypeNames() =>
        Document().Descendants("TypeName").Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
}
