using Autotask.Billing.Mapping;

namespace Autotask.Billing.Tests.Mapping;

public sealed class MappingStoreTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    private string StorePath => folder.File("mappings-123456.json");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_saved_document_reads_back_with_every_mapping_and_setting()
    {
        var document = SampleMappings.Document();
        using (var store = MappingStore.Open(StorePath))
        {
            store.Save(document);
        }

        var read = MappingStore.Read(StorePath);

        Assert.Equal(document.Settings, read.Settings);
        Assert.Equal("alex.morgan", read.Settings.SalesReps["JSMITH@example.com"]);
        Assert.Equal(document.Customers, read.Customers);
        Assert.Equal(document.Services, read.Services);
        Assert.Equal(SampleMappings.Monday, read.Customers[0].CreatedUtc);
        Assert.Equal(DateTimeKind.Utc, read.Customers[0].SyncStartDate!.Value.Kind);
    }

    [Fact]
    public void The_file_is_indented_camel_case_json_with_enum_words_and_iso_dates_in_a_stable_order()
    {
        using (var store = MappingStore.Open(StorePath))
        {
            store.Save(SampleMappings.Document());
        }

        var text = File.ReadAllText(StorePath);

        Assert.StartsWith("{\n  \"schemaVersion\": 1,\n  \"settings\": {\n    \"recurringBillingCodeId\": 29682801,", text);
        Assert.Contains("\"pricingStrategy\": \"CostOnly\"", text);
        Assert.Contains("\"syncStartDate\": \"2024-05-01\"", text);
        Assert.Contains("\"createdUtc\": \"2024-05-06T09:30:00Z\"", text);
        Assert.Contains("\"quantityChangeThresholdPercent\": 25.5,", text);
        Assert.Contains("\"quantityChangeMinimumUnits\": 3,", text);
        Assert.Contains("\"syncMayCreate\": [\n      \"Services\",\n      \"Contracts\"\n    ]", text);
        Assert.DoesNotContain("\r", text);
        Assert.True(
            text.IndexOf("\"customerId\": \"acct-1001\"", StringComparison.Ordinal)
            < text.IndexOf("\"customerId\": \"acct-1002\"", StringComparison.Ordinal),
            "customers are stored in key order, whatever order they were added in");
    }

    [Fact]
    public void Saving_the_same_document_twice_writes_the_same_bytes()
    {
        using var store = MappingStore.Open(StorePath);
        store.Save(SampleMappings.Document());
        var first = File.ReadAllBytes(StorePath);

        store.Save(MappingStore.Read(StorePath));

        Assert.Equal(first, File.ReadAllBytes(StorePath));
    }

    [Fact]
    public void A_store_that_does_not_exist_opens_empty_and_the_first_save_creates_it_without_a_backup()
    {
        using var store = MappingStore.Open(folder.File("sub/folder/mappings-1.json"));

        Assert.Empty(store.Document.Customers);
        Assert.False(File.Exists(store.Path));
        store.Save(SampleMappings.Document());

        Assert.True(File.Exists(store.Path));
        Assert.False(File.Exists(store.Path + MappingStore.BackupSuffix));
    }

    [Fact]
    public async Task Reading_a_store_whose_folder_does_not_exist_yet_gives_an_empty_document_as_on_a_clean_machine()
    {
        var path = folder.File("never/created/mappings-1.json");

        Assert.Empty(MappingStore.Read(path).Customers);
        Assert.Empty((await MappingStore.ReadAsync(path)).Customers);
        Assert.False(Directory.Exists(folder.File("never")));
    }

    [Fact]
    public void The_state_folder_a_first_save_creates_is_private_to_its_owner_on_unix()
    {
        using (var store = MappingStore.Open(folder.File("state/mappings-1.json")))
        {
            store.Save(SampleMappings.Document());
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder.File("state")));
        }
    }

    [Fact]
    public void Saving_over_an_existing_store_keeps_the_previous_copy_as_bak()
    {
        using var store = MappingStore.Open(StorePath);
        store.Save(SampleMappings.Document());
        var previous = File.ReadAllText(StorePath);

        store.Save(store.Document.WithoutCustomer("Intermedia", "acct-1002"));

        Assert.Equal(previous, File.ReadAllText(StorePath + MappingStore.BackupSuffix));
        Assert.Single(MappingStore.Read(StorePath).Customers);
    }

    [Fact]
    public void A_crash_between_writing_the_new_copy_and_swapping_it_in_leaves_the_previous_document_whole()
    {
        var crashNow = false;
        using (var store = MappingStore.Open(StorePath, temporaryPath =>
               {
                   Assert.True(File.Exists(temporaryPath), "the new copy is complete on disk before the swap");
                   if (crashNow)
                   {
                       throw new IOException("simulated crash before the swap");
                   }
               }))
        {
            store.Save(SampleMappings.Document());
            store.Save(store.Document.WithoutService("Intermedia", "LYN002NR"));
            var beforeCrash = File.ReadAllText(StorePath);
            crashNow = true;

            Assert.Throws<IOException>(() => store.Save(MappingDocument.Empty));

            Assert.Equal(beforeCrash, File.ReadAllText(StorePath));
        }

        using var reopened = MappingStore.Open(StorePath);
        Assert.Equal(2, reopened.Document.Customers.Count);
        Assert.Single(reopened.Document.Services);
        Assert.Equal(2, MappingStore.Read(StorePath + MappingStore.BackupSuffix).Services.Count);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void A_half_written_temporary_file_left_by_a_killed_run_is_ignored_and_removed_on_open()
    {
        using (var store = MappingStore.Open(StorePath))
        {
            store.Save(SampleMappings.Document());
        }

        var orphan = StorePath + ".0123456789abcdef0123456789abcdef.tmp";
        File.WriteAllText(orphan, "{\n  \"schemaVersion\": 1,\n  \"customers\": [ { \"source\": \"Inter");

        using var reopened = MappingStore.Open(StorePath);

        Assert.Equal(2, reopened.Document.Customers.Count);
        Assert.False(File.Exists(orphan));
    }

    [Fact]
    public void A_second_run_is_refused_with_the_in_use_error_and_the_first_runs_data_stays_intact()
    {
        using var first = MappingStore.Open(StorePath);
        first.Save(SampleMappings.Document());

        var refused = Assert.Throws<MappingStoreInUseException>(() => MappingStore.Open(StorePath));

        Assert.Equal(Environment.ProcessId, refused.OwnerProcessId);
        Assert.True(refused.OwnerIsRunning);
        Assert.InRange(refused.OwnerSinceUtc!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddSeconds(1));
        Assert.Contains($"The mapping store at {StorePath} is in use by another run (pid {Environment.ProcessId}", refused.Message);
        first.Save(first.Document.WithoutCustomer("Intermedia", "acct-1001"));
        Assert.Single(MappingStore.Read(StorePath).Customers);
    }

    [Fact]
    public async Task The_lock_is_released_when_the_first_run_closes_the_store()
    {
        using (var first = await MappingStore.OpenAsync(StorePath))
        {
            await first.SaveAsync(SampleMappings.Document());
        }

        using var second = await MappingStore.OpenAsync(StorePath);

        Assert.Equal(2, second.Document.Customers.Count);
    }

    [Fact]
    public async Task The_asynchronous_calls_read_update_and_save_the_same_way()
    {
        using (var store = await MappingStore.OpenAsync(StorePath))
        {
            await store.SaveAsync(SampleMappings.Document());
            await store.UpdateAsync(document => document.WithoutService("Intermedia", "LYN002NR"));
        }

        var read = await MappingStore.ReadAsync(StorePath);

        Assert.Single(read.Services);
        Assert.Equal(2, read.Customers.Count);
    }

    [Fact]
    public async Task A_cancelled_save_writes_nothing()
    {
        using var store = await MappingStore.OpenAsync(StorePath);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(SampleMappings.Document(), cancelled.Token));

        Assert.False(File.Exists(StorePath));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void A_lock_left_behind_by_a_process_that_died_does_not_block_the_next_run()
    {
        File.WriteAllText(StorePath + MappingStoreLock.LockSuffix, string.Empty);
        File.WriteAllText(
            StorePath + ".lock.owner",
            $"{{\"processId\":2147483000,\"processName\":\"pwsh\",\"machineName\":\"{Environment.MachineName}\",\"sinceUtc\":\"2024-05-01T00:00:00Z\"}}");

        using var store = MappingStore.Open(StorePath);
        var refused = Assert.Throws<MappingStoreInUseException>(() => MappingStore.Open(StorePath));

        Assert.Equal(Environment.ProcessId, refused.OwnerProcessId);
    }

    [Fact]
    public void Saving_over_a_hand_edit_made_after_the_run_opened_the_store_is_refused()
    {
        using var store = MappingStore.Open(StorePath);
        store.Save(SampleMappings.Document());
        var handEdited = File.ReadAllText(StorePath).Replace("\"CostOnly\"", "\"None\"");
        File.WriteAllText(StorePath, handEdited);

        Assert.Throws<MappingStoreConflictException>(() => store.Save(store.Document.WithoutCustomer("Intermedia", "acct-1002")));

        Assert.Equal(handEdited, File.ReadAllText(StorePath));
    }

    [Fact]
    public void Update_applies_the_change_on_top_of_a_hand_edit_made_after_the_run_opened_the_store()
    {
        using var store = MappingStore.Open(StorePath);
        store.Save(SampleMappings.Document());
        File.WriteAllText(StorePath, File.ReadAllText(StorePath).Replace("\"CostOnly\"", "\"None\""));

        store.Update(document => document.WithoutCustomer("Intermedia", "acct-1002"));

        var saved = Assert.Single(MappingStore.Read(StorePath).Customers);
        Assert.Equal(PricingStrategy.None, saved.PricingStrategy);
    }

    [Fact]
    public void A_document_that_breaks_a_rule_is_refused_on_save_and_nothing_is_written()
    {
        using var store = MappingStore.Open(StorePath);
        store.Save(SampleMappings.Document());
        var before = File.ReadAllText(StorePath);
        var broken = store.Document.WithCustomer(
            new CustomerMapping("Pax8", "c-9") { CompanyAction = MappingAction.Existing, ContractAction = MappingAction.Create },
            SampleMappings.Tuesday);

        var refused = Assert.Throws<MappingValidationException>(() => store.Save(broken));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("customers[2].companyId", problem.Path);
        Assert.Equal(before, File.ReadAllText(StorePath));
    }

    [Fact]
    public void A_closed_store_cannot_be_saved()
    {
        var store = MappingStore.Open(StorePath);
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Save(MappingDocument.Empty));
    }
}
