using Autotask.Billing.Sandbox.Model;
using Autotask.Billing.Sandbox.Store;

namespace Autotask.Billing.Sandbox.Query;

internal sealed class QuerySpec
{
    public QuerySpec(int maxRecords, IReadOnlyList<FieldDefinition>? includeFields, Func<EntityRow, bool> predicate, IReadOnlyList<CandidateSource> candidates, string fingerprint)
    {
        MaxRecords = maxRecords;
        IncludeFields = includeFields;
        Predicate = predicate;
        Candidates = candidates;
        Fingerprint = fingerprint;
    }

    public int MaxRecords { get; }

    // Null means every field.
    public IReadOnlyList<FieldDefinition>? IncludeFields { get; }

    public Func<EntityRow, bool> Predicate { get; }

    // Narrowings derived from top-level eq/in/gt filters on ids and indexed fields.
    public IReadOnlyList<CandidateSource> Candidates { get; }

    // Identifies the filter so a next-page request can be checked against the query that produced it.
    public string Fingerprint { get; }
}
