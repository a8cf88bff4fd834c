using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Autotask.Billing.Autotask.Entities;
using Autotask.Billing.Autotask.Query;
using Autotask.Billing.Autotask.Serialization;
using Autotask.Billing.Autotask.Transport;
using Newtonsoft.Json.Linq;

namespace Autotask.Billing.Autotask;

/// <summary>
/// A verified connection to one Autotask database through the REST API V1.0: typed queries with paging, counts,
/// gets, creates and partial updates (through parent routes where Autotask requires them), and picklists by label.
/// Thread-safe; calls may run in parallel (at most MaxRequestsInFlightPerEndpoint per entity reach Autotask).
/// </summary>
public sealed class AutotaskClient : IDisposable
{
    private static readonly Regex EntityNamePattern = new("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);

    private readonly AutotaskTransport _transport;
    private readonly AutotaskClientOptions _options;
    private readonly ConcurrentDictionary<string, SharedRead<IReadOnlyList<EntityFieldInformation>>> _fields =
        new(StringComparer.OrdinalIgnoreCase);

    private AutotaskClient(AutotaskTransport transport, AutotaskClientOptions options)
    {
        _transport = transport;
        _options = options;
    }

    public string UserName => _transport.UserName;

    public ZoneInformation Zone => _transport.Zone;

    /// <summary>Every HTTP attempt this client has sent; snapshot it before and after a run to report its usage.</summary>
    public AutotaskRequestCounter Requests => _transport.Counter;

    /// <summary>
    /// How many ids one request of a bulk "in" read carries (<see cref="AutotaskClientOptions.InChunkSize"/>): what
    /// <see cref="QueryInAsync{T}"/> reads per request, and what a caller batching ids for it batches by.
    /// </summary>
    public int InChunkSize => _options.InChunkSize;

    /// <summary>The database's hourly usage as of the last ThresholdInformation read plus this client's requests since.</summary>
    public AutotaskThresholdUsage? ThresholdUsage => _transport.Usage;

    /// <summary>
    /// Finds the user's zone (explicit, cached or discovered) and proves the credentials with an authenticated
    /// call before returning; bad credentials surface as <see cref="AutotaskAuthenticationException"/>.
    /// </summary>
    public static async Task<AutotaskClient> ConnectAsync(
        AutotaskCredential credential,
        AutotaskClientOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (credential is null)
        {
            throw new ArgumentNullException(nameof(credential));
        }

        options ??= new AutotaskClientOptions();
        options.Validate();
        var transport = new AutotaskTransport(credential, options);
        try
        {
            await transport.InitialiseZoneAsync(cancellationToken).ConfigureAwait(false);
            var response = await transport.SendThresholdReadAsync(AutotaskOperation.Connect, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw ConnectFailure(transport, credential.UserName, response);
            }

            return new AutotaskClient(transport, options);
        }
        catch
        {
            transport.Dispose();
            throw;
        }
    }

    public async Task<ThresholdInformation> GetThresholdInformationAsync(CancellationToken cancellationToken = default)
    {
        var response = await _transport.SendThresholdReadAsync(AutotaskOperation.ReadThreshold, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess || response.Body is null)
        {
            throw _transport.CreateException(ThresholdRequest(AutotaskOperation.ReadThreshold), response, null);
        }

        return response.Body;
    }

    /// <summary>Every row matching the query, all pages read.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(AutotaskQuery query, CancellationToken cancellationToken = default)
        where T : AutotaskEntity
    {
        var rows = new List<T>();
        await foreach (var page in QueryPagesAsync<T>(query, cancellationToken).ConfigureAwait(false))
        {
            rows.AddRange(page);
        }

        return rows;
    }

    /// <summary>
    /// The matching rows a page at a time, as Autotask returns them (up to 500 per page), so a caller can process
    /// large sets without holding them. Pages follow nextPageUrl (POSTed with the same body) or an id cursor.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<T>> QueryPagesAsync<T>(
        AutotaskQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : AutotaskEntity
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var route = Require<T>(AutotaskEntityCapabilities.Query, "queried");
        var body = AutotaskJson.Write(query.ToBody());
        long? cursor = null;
        if (_options.PagingStrategy == AutotaskPagingStrategy.NextPageUrl)
        {
            var request = Post(route.QueryPath, AutotaskOperation.Query, route.EntityName, AutotaskRequestKind.Read, body);
            while (true)
            {
                var response = await _transport.SendAsync<AutotaskQueryPage<T>>(request, cancellationToken).ConfigureAwait(false);
                if (cursor is not null && response.StatusCode is 404 or 405)
                {
                    // Autotask refused its own next-page URL (too long, expired or wrong method): carry on by id.
                    break;
                }

                _transport.EnsureSuccess(request, response, route.EntityName);
                var page = ReadItems(response.Body);
                cursor = MaxId(page, cursor ?? 0);
                yield return page;

                var next = NextPageUrl(response.Body);
                if (next is null)
                {
                    yield break;
                }

                if (!SameOrigin(next, Zone.Url))
                {
                    break;
                }

                request = Post(next.AbsoluteUri, AutotaskOperation.Query, route.EntityName, AutotaskRequestKind.Read, body);
            }
        }

        await foreach (var page in IdCursorPagesAsync<T>(route, query, cursor, cancellationToken).ConfigureAwait(false))
        {
            yield return page;
        }
    }

    /// <summary>
    /// Every row of a read that may span many pages (a whole-tenant read such as every contract or every contract
    /// service), with up to MaxRequestsInFlightPerEndpoint pages in flight instead of one. A read of one page costs
    /// what <see cref="QueryAsync{T}"/> costs. After a full first page, the next page's id range (sized by the first
    /// page's id spacing) is read while the rows beyond it are counted; those are then read as id ranges of a page
    /// each, side by side, the last range open-ended so no row is missed whatever the spacing. At an even spacing
    /// that is one request per page plus the count. Rows come in ascending id order, as Autotask pages them.
    /// </summary>
    public Task<IReadOnlyList<T>> QueryLargeAsync<T>(AutotaskQuery query, CancellationToken cancellationToken = default)
        where T : AutotaskEntity =>
        QueryLargeAsync<T>(query, null, countWithFirstPage: false, cancellationToken);

    /// <summary>
    /// <see cref="QueryLargeAsync{T}(AutotaskQuery, CancellationToken)"/> that also hands each page to
    /// <paramref name="onPage"/> as soon as it is read, so a read that needs ids from these rows (companies of
    /// contracts, the catalog of contract services) can start before the last page is in. Pages come in no particular
    /// order, one call at a time; the callback should be quick (it runs while the next page waits to be handed over).
    /// With <paramref name="countWithFirstPage"/> the rows are counted alongside the first page instead of after it, so
    /// every later page can be asked for at once: one round less for a read expected to span pages, for one request
    /// more (the count) when it turns out to fit in one.
    /// </summary>
    public async Task<IReadOnlyList<T>> QueryLargeAsync<T>(
        AutotaskQuery query, Action<IReadOnlyList<T>>? onPage, bool countWithFirstPage = false, CancellationToken cancellationToken = default)
        where T : AutotaskEntity
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var gate = new object();
        Action<IReadOnlyList<T>>? report = onPage is null
            ? null
            : page =>
            {
                if (page.Count > 0)
                {
                    lock (gate)
                    {
                        onPage(page);
                    }
                }
            };

        var route = Require<T>(AutotaskEntityCapabilities.Query, "queried");
        var countAll = countWithFirstPage ? CountAsync<T>(query, cancellationToken) : null;
        AutotaskHttpResponse<AutotaskQueryPage<T>> response;
        IReadOnlyList<T> first;
        try
        {
            var request = Post(route.QueryPath, AutotaskOperation.Query, route.EntityName, AutotaskRequestKind.Read, AutotaskJson.Write(query.ToBody()));
            response = await _transport.SendAsync<AutotaskQueryPage<T>>(request, cancellationToken).ConfigureAwait(false);
            _transport.EnsureSuccess(request, response, route.EntityName);
            first = ReadItems(response.Body);
        }
        catch
        {
            if (countAll is not null)
            {
                await Observe(countAll).ConfigureAwait(false);
            }

            throw;
        }

        if (first.Count < query.PageSize || NextPageUrl(response.Body) is null)
        {
            report?.Invoke(first);
            if (countAll is not null)
            {
                await Observe(countAll).ConfigureAwait(false);
            }

            return first;
        }

        var high = MaxId(first, 0);
        var width = IdRange.Width(first.Select(static row => row.Id).ToList(), query.PageSize);
        Task<IReadOnlyList<T>>? nextTask = null;
        long after;
        long beyond;
        if (countAll is not null)
        {
            // Counted with the first page: what lies beyond it is the rest of the count.
            beyond = await countAll.ConfigureAwait(false) - first.Count;
            after = high;
        }
        else
        {
            nextTask = ReadRangeAsync<T>(route, query, IdRange.Bounded(high, width), null, report, cancellationToken);
            after = high + width;
            var counting = CountAsync<T>(query.AndWhere(AutotaskFilter.Gt("id", after)), cancellationToken);
            report?.Invoke(first);
            try
            {
                beyond = await counting.ConfigureAwait(false);
            }
            catch
            {
                await Observe(nextTask).ConfigureAwait(false);
                throw;
            }
        }

        var rows = new List<T>(first);
        if (beyond <= 0)
        {
            if (nextTask is null)
            {
                report?.Invoke(first);
            }
            else
            {
                rows.AddRange(await nextTask.ConfigureAwait(false));
            }

            return rows;
        }

        var ranges = IdRange.Beyond(after, width, beyond, query.PageSize);
        var bounded = ranges.Take(ranges.Count - 1).Select(range => ReadRangeAsync<T>(route, query, range, null, report, cancellationToken)).ToList();

        // The open range ends when a full page brings the rows beyond the counted point to the count, so a tail of
        // exactly one page costs no empty request; rows created after the count was taken are left for the next read.
        async Task<bool> AllCounted(int openRows)
        {
            var done = await Task.WhenAll(bounded).ConfigureAwait(false);
            return done.Sum(static part => part.Count) + openRows >= beyond;
        }

        var open = ReadRangeAsync<T>(route, query, ranges[ranges.Count - 1], AllCounted, report, cancellationToken);

        // The first page goes to the caller once the pages after it are on their way, so what the caller starts with
        // it (a read by id) never holds them up.
        if (countAll is not null)
        {
            report?.Invoke(first);
        }

        var parts = (nextTask is null ? bounded : bounded.Prepend(nextTask)).Append(open);
        foreach (var part in await Task.WhenAll(parts).ConfigureAwait(false))
        {
            rows.AddRange(part);
        }

        return rows;
    }

    /// <summary>
    /// Rows whose field is one of the values, read in chunks of InChunkSize values per query; the chunks run in
    /// parallel within the endpoint's limit. Extra filters apply to every chunk.
    /// </summary>
    public async Task<IReadOnlyList<T>> QueryInAsync<T>(
        string field,
        IEnumerable<long> values,
        AutotaskQuery? extra = null,
        CancellationToken cancellationToken = default)
        where T : AutotaskEntity
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        var distinct = values.Distinct().ToList();
        var baseQuery = extra ?? AutotaskQuery.All;
        var chunks = new List<Task<IReadOnlyList<T>>>();
        for (var start = 0; start < distinct.Count; start += _options.InChunkSize)
        {
            var chunk = distinct.Skip(start).Take(_options.InChunkSize).ToArray();
            chunks.Add(QueryAsync<T>(baseQuery.AndWhere(AutotaskFilter.In(field, chunk)), cancellationToken));
        }

        var results = await Task.WhenAll(chunks).ConfigureAwait(false);
        return results.SelectMany(static rows => rows).ToList();
    }

    public async Task<long> CountAsync<T>(AutotaskQuery query, CancellationToken cancellationToken = default)
        where T : AutotaskEntity
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var route = Require<T>(AutotaskEntityCapabilities.Query, "counted");
        var request = Post(route.CountPath, AutotaskOperation.Count, route.EntityName, AutotaskRequestKind.Read, AutotaskJson.Write(query.ToBody()));
        var response = await _transport.SendAsync<JObject>(request, cancellationToken).ConfigureAwait(false);
        _transport.EnsureSuccess(request, response, route.EntityName);
        return AutotaskJson.ReadLong(response.Body is null ? null : AutotaskJson.Property(response.Body, "queryCount"))
            ?? throw new AutotaskApiException(
                $"Autotask answered the {route.EntityName} count without a queryCount.", response.StatusCode, response.Errors,
                route.EntityName, AutotaskOperation.Count, "POST", response.Url.AbsolutePath);
    }

    /// <summary>The record with that id, or null when Autotask has none (404 or {"item": null}).</summary>
    public async Task<T?> GetAsync<T>(long id, CancellationToken cancellationToken = default)
        where T : AutotaskEntity
    {
        var route = Require<T>(AutotaskEntityCapabilities.Get, "read by id");
        var request = new AutotaskHttpRequest(HttpMethod.Get, route.ItemPath(id), AutotaskOperation.Get, route.EntityName, AutotaskRequestKind.Read);
        var response = await _transport.SendAsync<AutotaskItemAnswer<T>>(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == 404)
        {
            return null;
        }

        _transport.EnsureSuccess(request, response, route.EntityName);
        return response.Body?.Item;
    }

    /// <summary>
    /// Creates the record (through the parent route for child entities) and returns its id. A create is never sent
    /// twice unless Autotask refused it before doing any work (throttling). When its outcome is unknown (no answer in
    /// time, a dropped connection, a gateway or server failure without an Autotask error), <paramref name="confirmByLookup"/>
    /// is asked after <see cref="AutotaskClientOptions.ConfirmDelay"/>, again with a doubling delay, until
    /// <see cref="AutotaskClientOptions.ConfirmWindow"/> has passed: the id it finds is returned; if it finds none, or
    /// no lookup was given, <see cref="AutotaskOutcomeUnknownException"/> says the record is unconfirmed. When Autotask
    /// answers with its own error text (a 500 "An unexpected error has occurred … Error ID: N" included), that is an
    /// answer: the lookup is asked once, to be safe, and otherwise Autotask's message is reported.
    /// </summary>
    public async Task<long> CreateAsync<T>(
        T entity,
        Func<CancellationToken, Task<long?>>? confirmByLookup = null,
        CancellationToken cancellationToken = default)
        where T : AutotaskEntity
    {
        if (entity is null)
        {
            throw new ArgumentNullException(nameof(entity));
        }

        var route = Require<T>(AutotaskEntityCapabilities.Create, "created");
        var body = AutotaskJson.FromObject(entity);
        var parentId = route.ParentIdField is null ? null : AutotaskJson.ReadLong(AutotaskJson.Property(body, route.ParentIdField));
        var request = Post(route.WritePath(parentId), AutotaskOperation.Create, route.EntityName, AutotaskRequestKind.Create, AutotaskJson.Write(body));

        var response = await _transport.SendAsync<JObject>(request, cancellationToken).ConfigureAwait(false);
        if (response.Disposition == ResponseDisposition.OutcomeUnknown)
        {
            if (confirmByLookup is null)
            {
                throw OutcomeUnknown(request, response, route.EntityName, "no lookup was given to confirm it, so it was not sent again");
            }

            return await ConfirmAsync(request, response, route.EntityName, confirmByLookup, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccess && response.StatusCode >= 500 && response.Errors.Count > 0 && !response.IsThrottled && confirmByLookup is not null
            && await confirmByLookup(cancellationToken).ConfigureAwait(false) is { } savedAnyway)
        {
            return savedAnyway;
        }

        _transport.EnsureSuccess(request, response, route.EntityName);
        if (ReadItemId(response) is { } itemId)
        {
            return itemId;
        }

        throw new AutotaskApiException(
            $"Autotask answered the {route.EntityName} create without an itemId.", response.StatusCode, response.Errors,
            route.EntityName, AutotaskOperation.Create, "POST", _transport.Redact(response.Url.AbsolutePath));
    }

    /// <summary>
    /// A partial update (PATCH with the id in the body): only the given properties, by their wire names, change.
    /// Child entities are written through their parent route; its id comes from <paramref name="parentId"/> or
    /// from the parent id field in <paramref name="changes"/>.
    /// </summary>
    public async Task UpdateAsync<T>(
        long id,
        IReadOnlyDictionary<string, object?> changes,
        long? parentId = null,
        CancellationToken cancellationToken = default)
        where T : AutotaskEntity
    {
        if (changes is null)
        {
            throw new ArgumentNullException(nameof(changes));
        }

        if (id <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, "An update needs the id of an existing record.");
        }

        var route = Require<T>(AutotaskEntityCapabilities.Update, "updated");
        var body = new JObject();
        foreach (var change in changes)
        {
            body[change.Key] = change.Value is null ? JValue.CreateNull() : JToken.FromObject(change.Value, AutotaskJson.Serializer);
        }

        body["id"] = id;
        if (route.ParentIdField is not null && parentId is null)
        {
            parentId = AutotaskJson.ReadLong(AutotaskJson.Property(body, route.ParentIdField));
        }

        var request = new AutotaskHttpRequest(
            AutotaskHttpRequest.Patch, route.WritePath(parentId), AutotaskOperation.Update, route.EntityName, AutotaskRequestKind.IdempotentWrite, AutotaskJson.Write(body));
        var response = await _transport.SendAsync<JObject>(request, cancellationToken).ConfigureAwait(false);
        _transport.EnsureSuccess(request, response, route.EntityName);
    }

    /// <summary>
    /// Deletes a record where Autotask allows it (DELETE on the item, through the parent route for child entities).
    /// A record already gone (404) counts as deleted, so a repeated delete is harmless.
    /// </summary>
    public async Task DeleteAsync<T>(long id, long? parentId = null, CancellationToken cancellationToken = default)
        where T : AutotaskEntity
    {
        if (id <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, "A delete needs the id of an existing record.");
        }

        var route = Require<T>(AutotaskEntityCapabilities.Delete, "deleted");
        var path = route.WritePath(parentId) + "/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new AutotaskHttpRequest(HttpMethod.Delete, path, AutotaskOperation.Delete, route.EntityName, AutotaskRequestKind.IdempotentWrite);
        var response = await _transport.SendAsync<JObject>(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == 404)
        {
            return;
        }

        _transport.EnsureSuccess(request, response, route.EntityName);
    }

    /// <summary>Whether this client has already read (or is reading) the entity's fields: asking again sends nothing.</summary>
    public bool HasFields(string entityName) => entityName is not null && _fields.ContainsKey(entityName);

    /// <summary>The entity's fields and picklists (from entityInformation/fields), read once per connection.</summary>

    public Task<IReadOnlyList<EntityFieldInformation>> GetFieldsAsync(string entityName, CancellationToken cancellationToken = default)
    {
        if (entityName is null || !EntityNamePattern.IsMatch(entityName))
        {
            throw new ArgumentException($"'{entityName}' is not an Autotask entity name.", nameof(entityName));
        }

        return SharedFieldsAsync(entityName, cancellationToken);
    }

    /// <summary>
    /// The value of a picklist entry by its label (case-insensitive, active entries first), e.g. Companies,
    /// companyType, Customer. Picklists are tenant data; never hard-code their numbers.
    /// </summary>
    public async Task<string> ResolvePicklistValueAsync(string entityName, string field, string label, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            throw new ArgumentException("A field name is required.", nameof(field));
        }

        if (string.IsNullOrWhiteSpace(label))
        {
            throw new ArgumentException("A label is required.", nameof(label));
        }

        var fields = await GetFieldsAsync(entityName, cancellationToken).ConfigureAwait(false);
        var information = fields.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase));
        if (information is null || !information.IsPickList || information.PicklistValues is null)
        {
            throw new AutotaskPicklistLabelNotFoundException(
                information is null ? $"{entityName} has no field '{field}'." : $"{entityName}.{information.Name} is not a picklist.",
                entityName, field, label, Array.Empty<string>());
        }

        var wanted = label.Trim();
        var match = information.PicklistValues
            .Where(value => string.Equals(value.Label.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(static value => value.IsActive)
            .FirstOrDefault();
        if (match is not null)
        {
            return match.Value;
        }

        var valid = information.PicklistValues.Where(static value => value.IsActive).Select(static value => value.Label).ToArray();
        throw new AutotaskPicklistLabelNotFoundException(
            $"'{label}' is not a label of {entityName}.{information.Name}. Valid labels: {string.Join(", ", valid)}.",
            entityName, information.Name, label, valid);
    }

    public void Dispose() => _transport.Dispose();

    public override string ToString() => $"Autotask {UserName} at {Zone.Url}";

    private static AutotaskApiException ConnectFailure(AutotaskTransport transport, string userName, AutotaskHttpResponse response)
    {
        // Autotask reports bad credentials as 401 with no body, or (for an unknown user or integration code) as an
        // error message; the hint names which of the three to check without echoing any of them.
        var said = string.Join(" ", response.Errors);
        var check = response.StatusCode == 401 && response.Errors.Count == 0
                ? "the API secret and the API integration code (tracking identifier), and that the user has the 'API User (API-only)' security level"
            : response.StatusCode == 403 ? "that the API user has the 'API User (API-only)' security level and access to the API"
            : Mentions(said, "integration", "tracking") ? "the API integration code (tracking identifier)"
            : Mentions(said, "secret", "password") ? "the API secret"
            : Mentions(said, "user", "login", "credential", "authenticat") ? "the user name (the API user's user name)"
            : response.StatusCode == 401 ? "the user name, the API secret and the API integration code (tracking identifier)"
            : null;
        if (check is null || response.IsThrottled)
        {
            return transport.CreateException(ThresholdRequest(AutotaskOperation.Connect), response, null);
        }

        var detail = response.Errors.Count > 0 ? " Autotask said: " + said : "";
        return new AutotaskAuthenticationException(
            transport.Redact($"Autotask did not accept API user '{userName}' (HTTP {response.StatusCode}). Check {check}.{detail}"),
            response.StatusCode, response.Errors, null, AutotaskOperation.Connect, "GET", transport.Redact(response.Url.AbsolutePath));
    }

    private static bool Mentions(string text, params string[] words) =>
        words.Any(word => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0);

    private static AutotaskHttpRequest ThresholdRequest(AutotaskOperation operation) =>
        new(HttpMethod.Get, AutotaskTransport.ThresholdEndpoint, operation, AutotaskTransport.ThresholdEndpoint, AutotaskRequestKind.Read);

    private static AutotaskHttpRequest Post(string path, AutotaskOperation operation, string entityName, AutotaskRequestKind kind, string body) =>
        new(HttpMethod.Post, path, operation, entityName, kind, body);

    private static AutotaskEntityRoute Require<T>(AutotaskEntityCapabilities capability, string verb)
        where T : AutotaskEntity
    {
        var route = AutotaskEntityRoute.For<T>();
        if (!route.Allows(capability))
        {
            throw new NotSupportedException($"Autotask does not allow {route.EntityName} to be {verb} through the REST API.");
        }

        return route;
    }

    private static IReadOnlyList<T> ReadItems<T>(AutotaskQueryPage<T>? page)
        where T : class =>
        page?.Rows() ?? Array.Empty<T>();

    private static Uri? NextPageUrl<T>(AutotaskQueryPage<T>? page)
        where T : class =>
        page?.NextPageUrl();

    /// <summary>Credentials go only to the zone's own host, whatever a response's next-page link says.</summary>
    private static bool SameOrigin(Uri candidate, Uri zone) =>
        Uri.Compare(candidate, zone, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static long MaxId<T>(IReadOnlyList<T> page, long floor)
        where T : AutotaskEntity =>
        page.Count == 0 ? floor : Math.Max(floor, page.Max(static row => row.Id));

    private static long? ReadItemId(AutotaskHttpResponse<JObject> response)
    {
        var itemId = response.IsSuccess && response.Body is not null ? AutotaskJson.ReadLong(AutotaskJson.Property(response.Body, "itemId")) : null;
        return itemId is > 0 ? itemId : null;
    }

    private async IAsyncEnumerable<IReadOnlyList<T>> IdCursorPagesAsync<T>(
        AutotaskEntityRoute route,
        AutotaskQuery query,
        long? after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : AutotaskEntity
    {
        while (true)
        {
            var request = Post(route.QueryPath, AutotaskOperation.Query, route.EntityName, AutotaskRequestKind.Read, AutotaskJson.Write(query.ToBody(after)));
            var response = await _transport.SendAsync<AutotaskQueryPage<T>>(request, cancellationToken).ConfigureAwait(false);
            _transport.EnsureSuccess(request, response, route.EntityName);
            var page = ReadItems(response.Body);
            if (page.Count > 0)
            {
                yield return page;
            }

            if (page.Count < query.PageSize)
            {
                yield break;
            }

            after = MaxId(page, after ?? 0);
        }
    }

    private static async Task Observe(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch
        {
            // The caller is already failing for another reason; this only keeps the exception from going unobserved.
        }
    }

    /// <summary>
    /// The rows of one id range, a page at a time by id cursor. A full page whose last id is the range's upper bound
    /// ends it (ids are unique), so a range that holds exactly a page costs one request.
    /// </summary>
    private async Task<IReadOnlyList<T>> ReadRangeAsync<T>(
        AutotaskEntityRoute route,
        AutotaskQuery query,
        IdRange range,
        Func<int, Task<bool>>? allCounted,
        Action<IReadOnlyList<T>>? onPage,
        CancellationToken cancellationToken)
        where T : AutotaskEntity
    {
        var rows = new List<T>();
        var after = range.After;
        while (true)
        {
            var body = AutotaskJson.Write(query.AndWhere(range.Filters(after)).ToBody());
            var request = Post(route.QueryPath, AutotaskOperation.Query, route.EntityName, AutotaskRequestKind.Read, body);
            var response = await _transport.SendAsync<AutotaskQueryPage<T>>(request, cancellationToken).ConfigureAwait(false);
            _transport.EnsureSuccess(request, response, route.EntityName);
            var page = ReadItems(response.Body);
            rows.AddRange(page);
            onPage?.Invoke(page);
            if (page.Count < query.PageSize)
            {
                return rows;
            }

            after = MaxId(page, after);
            if (after >= range.UpTo || (allCounted is not null && await allCounted(rows.Count).ConfigureAwait(false)))
            {
                return rows;
            }
        }
    }

    private async Task<IReadOnlyList<EntityFieldInformation>> ReadFieldsAsync(string entityName, CancellationToken cancellationToken)
    {
        var request = new AutotaskHttpRequest(
            HttpMethod.Get, entityName + "/entityInformation/fields", AutotaskOperation.ReadEntityInformation, entityName, AutotaskRequestKind.Read);
        var response = await _transport.SendAsync<AutotaskFieldsAnswer>(request, cancellationToken).ConfigureAwait(false);
        _transport.EnsureSuccess(request, response, entityName);
        return response.Body?.Fields?.OfType<EntityFieldInformation>().ToList() ?? (IReadOnlyList<EntityFieldInformation>)Array.Empty<EntityFieldInformation>();
    }

    /// <summary>
    /// The fields read once per connection and shared by every caller asking while it runs. The shared read is not
    /// cancelled by any one caller's token (the first caller's cancellation or failed load must not cancel it for a
    /// second one): each caller stops waiting on its own, and the read is cancelled only when no caller waits for it.
    /// </summary>
    private async Task<IReadOnlyList<EntityFieldInformation>> SharedFieldsAsync(string entityName, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var shared = _fields.GetOrAdd(entityName, name => new SharedRead<IReadOnlyList<EntityFieldInformation>>(token => ReadFieldsAsync(name, token)));
            var waiting = shared.Join(cancellationToken);
            if (waiting is null)
            {
                // Abandoned by every caller before it ended: a new read replaces it.
                Forget(entityName, shared);
                continue;
            }

            try
            {
                return await waiting.ConfigureAwait(false);
            }
            catch
            {
                // A failed, cancelled or abandoned read must not poison the cache for the next caller; one that only
                // this caller stopped waiting for stays, for those still waiting.
                if (shared.Abandoned || shared.Read is { IsFaulted: true } or { IsCanceled: true })
                {
                    Forget(entityName, shared);
                }

                throw;
            }
        }
    }

    private void Forget(string entityName, SharedRead<IReadOnlyList<EntityFieldInformation>> shared) =>
        ((ICollection<KeyValuePair<string, SharedRead<IReadOnlyList<EntityFieldInformation>>>>)_fields)
            .Remove(new KeyValuePair<string, SharedRead<IReadOnlyList<EntityFieldInformation>>>(entityName, shared));

    /// <summary>
    /// Looks for a create whose outcome is unknown, after a settle delay that doubles each time, within the confirm
    /// window. A lookup that fails is tried again at the next step; the create itself is never sent again.
    /// </summary>
    private async Task<long> ConfirmAsync(
        AutotaskHttpRequest request,
        AutotaskHttpResponse response,
        string entityName,
        Func<CancellationToken, Task<long?>> confirmByLookup,
        CancellationToken cancellationToken)
    {
        var window = _options.EffectiveConfirmWindow;
        var started = DateTime.UtcNow;
        var delay = _options.ConfirmDelay;
        var lookups = 0;
        AutotaskException? lookupFailure = null;
        while (true)
        {
            var remaining = window - (DateTime.UtcNow - started);
            var wait = delay < remaining ? delay : remaining;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                lookups++;
                if (await confirmByLookup(cancellationToken).ConfigureAwait(false) is { } id)
                {
                    return id;
                }

                lookupFailure = null;
            }
            catch (AutotaskException exception) when (exception is not AutotaskBudgetExhaustedException)
            {
                lookupFailure = exception;
            }

            if (DateTime.UtcNow - started >= window)
            {
                var seconds = window.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
                var why = lookupFailure is null
                    ? $"{lookups} lookups over {seconds} s did not find it"
                    : $"the last of {lookups} lookups over {seconds} s failed ({lookupFailure.Message})";
                throw OutcomeUnknown(request, response, entityName, why + ", so it was not sent again");
            }

            delay = delay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(50) : TimeSpan.FromTicks(delay.Ticks * 2);
        }
    }

    private AutotaskOutcomeUnknownException OutcomeUnknown(AutotaskHttpRequest request, AutotaskHttpResponse response, string entityName, string why)
    {
        var what = response.StatusCode is { } status
            ? $"Autotask failed with HTTP {status} after receiving it"
            : response.TransportFailure == TransportFailure.TimedOut ? "no answer came in time" : "the connection broke before an answer came";
        var path = _transport.Redact(response.Url.AbsolutePath);
        return new AutotaskOutcomeUnknownException(
            _transport.Redact($"The {entityName} create is unconfirmed: {what}, and {why}. It may still appear in Autotask; the next sync looks for it before creating anything. (POST {path})"),
            response.StatusCode, response.Errors, entityName, AutotaskOperation.Create, "POST", path, response.TransportError);
    }
}
