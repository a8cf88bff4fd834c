using Autotask.Billing.Sandbox.Model;

namespace Autotask.Billing.Sandbox.Store;

// Rows kept in id order (ids only grow), with hash indexes on the fields flagged idx so that eq/in filters on
// parent ids touch only their rows. Repeated boxed values (dates at midnight, prices, small integers) are shared
// to keep hundreds of thousands of unit rows small.
internal sealed class EntityTable
{
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallIntegers = Enumerable.Range(-1, 4098).Select(i => (object)(long)i).ToArray();

    private readonly List<EntityRow> _rows = new();
    private readonly Dictionary<long, EntityRow> _byId = new();
    private readonly Dictionary<int, Dictionary<long, List<EntityRow>>> _indexes = new();
    private readonly Dictionary<object, object> _interned = new();

    public EntityTable(EntityDefinition definition)
    {
        Definition = definition;
        NextId = definition.FirstId;
        foreach (var field in definition.Fields.Where(f => f.IsIndexed))
        {
            _indexes[field.Ordinal] = new Dictionary<long, List<EntityRow>>();
        }
    }

    public EntityDefinition Definition { get; }

    public long NextId { get; set; }

    public IReadOnlyList<EntityRow> Rows => _rows;

    public int Count => _rows.Count;

    public long AllocateId() => NextId++;

    public EntityRow? Find(long id) => _byId.TryGetValue(id, out var row) ? row : null;

    public void Insert(EntityRow row)
    {
        for (var i = 0; i < row.Values.Length; i++)
        {
            row.Values[i] = Intern(row.Values[i]);
        }

        _byId.Add(row.Id, row);
        InsertSorted(_rows, row);
        if (row.Id >= NextId)
        {
            NextId = row.Id + 1;
        }

        foreach (var index in _indexes)
        {
            AddToIndex(index.Value, row.Values[index.Key], row);
        }
    }

    public void Remove(EntityRow row)
    {
        _byId.Remove(row.Id);
        _rows.RemoveAt(IndexOfFirstAtOrAfter(_rows, row.Id));
        foreach (var index in _indexes)
        {
            RemoveFromIndex(index.Value, row.Values[index.Key], row);
        }
    }

    public void SetValue(EntityRow row, FieldDefinition field, object? value)
    {
        value = Intern(value);
        if (_indexes.TryGetValue(field.Ordinal, out var index) && !Equals(row.Values[field.Ordinal], value))
        {
            RemoveFromIndex(index, row.Values[field.Ordinal], row);
            AddToIndex(index, value, row);
        }

        row.Values[field.Ordinal] = value;
    }

    public IReadOnlyList<EntityRow>? IndexedRows(FieldDefinition field, long key)
    {
        if (!_indexes.TryGetValue(field.Ordinal, out var index))
        {
            return null;
        }

        return index.TryGetValue(key, out var rows) ? rows : Array.Empty<EntityRow>();
    }

    public bool IsIndexed(FieldDefinition field) => _indexes.ContainsKey(field.Ordinal);

    public static int IndexOfFirstAtOrAfter(IReadOnlyList<EntityRow> rows, long id)
    {
        int low = 0, high = rows.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (rows[mid].Id < id)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private object? Intern(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case bool b:
                return b ? True : False;
            case long l when l >= -1 && l < SmallIntegers.Length - 1:
                return SmallIntegers[l + 1];
            case DateTime d when d.TimeOfDay == TimeSpan.Zero:
            case decimal:
                if (_interned.TryGetValue(value, out var shared))
                {
                    return shared;
                }

                _interned[value] = value;
                return value;
            default:
                return value;
        }
    }

    private static void InsertSorted(List<EntityRow> rows, EntityRow row)
    {
        if (rows.Count == 0 || rows[rows.Count - 1].Id < row.Id)
        {
            rows.Add(row);
        }
        else
        {
            rows.Insert(IndexOfFirstAtOrAfter(rows, row.Id), row);
        }
    }

    private static void AddToIndex(Dictionary<long, List<EntityRow>> index, object? key, EntityRow row)
    {
        if (key is not long k)
        {
            return;
        }

        if (!index.TryGetValue(k, out var rows))
        {
            rows = new List<EntityRow>();
            index[k] = rows;
        }

        InsertSorted(rows, row);
    }

    private static void RemoveFromIndex(Dictionary<long, List<EntityRow>> index, object? key, EntityRow row)
    {
        if (key is long k && index.TryGetValue(k, out var rows))
        {
            rows.Remove(row);
        }
    }
}
