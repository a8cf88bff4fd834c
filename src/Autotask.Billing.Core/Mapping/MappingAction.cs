namespace Autotask.Billing.Mapping;

/// <summary>Whether a mapping points at an Autotask record that exists, or asks sync to create one.</summary>
public enum MappingAction
{
    Existing,
    Create,
}
