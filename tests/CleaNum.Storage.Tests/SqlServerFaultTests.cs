using System.Reflection;
using System.Security.Authentication;
using CleaNum.Core.Ports;
using CleaNum.Storage.Dialects;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CleaNum.Storage.Tests;

/// <summary>
/// How SQL Server errors are read. SQL Server cannot run here: the refused connection is a real one (a closed local
/// port); the server-side errors are real <see cref="SqlException"/> objects built the way SqlClient builds them
/// (its internal factory), with the numbers and classes SQL Server documents.
/// </summary>
public sealed class SqlServerFaultTests
{
    private static readonly SqlServerDialect Dialect = new();

    [Fact]
    public void Includes_every_number_of_sqlclient_s_own_default_transient_list()
    {
        // SqlClient keeps the list private (s_defaultTransientErrors) and applies it only when a retry provider is set.
        FieldInfo field = typeof(SqlConfigurableRetryFactory).GetField("s_defaultTransientErrors", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("SqlClient moved its default transient list: update this test and SqlServerDialect.TransientNumbers.");
        var defaults = ((IEnumerable<int>)field.GetValue(null)!).ToList();

        Assert.True(defaults.Count >= 20, $"{defaults.Count} numbers");
        Assert.Equal([], defaults.Except(SqlServerDialect.TransientNumbers).Order());
    }

    [Fact]
    public async Task Reads_a_refused_connection_number_0_class_20_as_transient_and_names_it_in_french()
    {
        var connections = new DbConnectionFactory(Options.Create(new StorageOptions
        {
            Provider = StorageProvider.SqlServer,
            ConnectionString = "Server=tcp:127.0.0.1,1;Database=CleaNum;User ID=cleanum;Password=x;Connect Timeout=2;Encrypt=False",
        }), Dialect);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => connections.OpenAsync(CancellationToken.None));

        var sql = Assert.IsType<SqlException>(error.InnerException);
        Assert.True(error.IsTransient);
        Assert.Equal(StoreFailureReason.Unreachable, error.Reason);
        Assert.StartsWith("Base de données injoignable", error.Message, StringComparison.Ordinal);
        Assert.Contains("SQL Server est injoignable", error.Message, StringComparison.Ordinal);
        Assert.True(sql.Number == 0 || SqlServerDialect.TransientNumbers.Contains(sql.Number), $"Number {sql.Number}, Class {sql.Class}");
    }

    [Fact]
    public void Reads_number_0_below_class_20_as_fatal_not_transient()
    {
        Assert.Equal(StorageFaultKind.Fatal, Dialect.Classify(Sql(0, 16)).Kind);
        Assert.Equal(StorageFaultKind.Transient, Dialect.Classify(Sql(0, 20)).Kind);
    }

    [Theory]
    [InlineData(2628)]
    [InlineData(8152)]
    [InlineData(515)]
    [InlineData(547)]
    [InlineData(8115)]
    [InlineData(245)]
    public void Reads_data_errors_as_this_file_s_fault_with_a_french_reason(int number)
    {
        StorageFault fault = Dialect.Classify(Sql(number, 16));

        Assert.Equal(StorageFaultKind.DataRejected, fault.Kind);
        Assert.False(fault.IsTransient);
        Assert.Contains(number.ToString(System.Globalization.CultureInfo.InvariantCulture), fault.French, StringComparison.Ordinal);
        Assert.Matches("^(un|une) ", fault.French);
    }

    [Fact]
    public void Reads_a_deadlock_as_replayable_in_place()
    {
        StorageFault fault = Dialect.Classify(Sql(1205, 13));

        Assert.Equal(StorageFaultKind.Deadlock, fault.Kind);
        Assert.True(fault.IsTransient);
    }

    [Theory]
    [InlineData(18456)]
    [InlineData(18452)]
    public void Names_a_refused_login_and_never_retries_it(int number)
    {
        StorageFault fault = Dialect.Classify(Sql(number, 14));

        Assert.Equal(StorageFaultKind.LoginFailed, fault.Kind);
        Assert.False(fault.IsTransient);
        Assert.Contains("a refusé la connexion", fault.French, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_an_untrusted_certificate_on_windows_as_a_tls_failure()
    {
        // Native SNI (Windows): Number -2146893019 = SEC_E_UNTRUSTED_ROOT, Class 20, inner Win32Exception.
        var exception = Sql(unchecked((int)0x80090325), 20,
            "A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)",
            new System.ComponentModel.Win32Exception(unchecked((int)0x80090325)));

        StorageFault fault = Dialect.Classify(exception);

        Assert.Equal(StorageFaultKind.Tls, fault.Kind);
        Assert.False(fault.IsTransient);
        Assert.Contains("TLS", fault.French, StringComparison.Ordinal);
        Assert.Contains("TrustServerCertificate=True", fault.French, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_an_untrusted_certificate_on_linux_as_a_tls_failure_not_as_a_network_outage()
    {
        // Managed SNI (Linux, Docker): Number 0, Class 20 — which alone would read as "server unreachable".
        var exception = Sql(0, 20,
            "A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 35 - An internal exception was caught)",
            new AuthenticationException("The remote certificate was rejected by the provided RemoteCertificateValidationCallback."));

        Assert.Equal(StorageFaultKind.Tls, Dialect.Classify(exception).Kind);
    }

    [Fact]
    public void Names_missing_rights_and_points_at_the_migrate_verb()
    {
        StorageFault fault = Dialect.Classify(Sql(262, 14)); // CREATE TABLE permission denied

        Assert.Equal(StorageFaultKind.PermissionDenied, fault.Kind);
        Assert.Contains("cleanum migrate", fault.French, StringComparison.Ordinal);
    }

    [Fact]
    public void Turns_a_data_error_into_a_rejected_submission_not_a_storage_outage()
    {
        var connections = new DbConnectionFactory(Options.Create(new StorageOptions
        {
            Provider = StorageProvider.SqlServer,
            ConnectionString = "Server=db;Database=CleaNum;User ID=cleanum;Password=Secret-1",
        }), Dialect);

        SubmissionRejectedException rejected = StorageErrors.Rejected(connections, Sql(2628, 16), Dialect.Classify(Sql(2628, 16)));

        Assert.StartsWith("un texte de ce fichier est plus long", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret-1", rejected.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Creates_a_missing_database_in_french_ci_as_with_simple_recovery()
    {
        IList<string> commands = SqlServerDialect.CreateDatabaseCommands("Clea]Num");

        Assert.Equal("CREATE DATABASE [Clea]]Num] COLLATE French_CI_AS;", commands[0]);
        Assert.Equal("ALTER DATABASE [Clea]]Num] SET RECOVERY SIMPLE;", commands[1]);
    }

    [Fact]
    public async Task Does_not_create_the_database_when_create_database_is_off()
    {
        // With CreateDatabase=false nothing connects to master: the first connection is to the database itself.
        var connections = new DbConnectionFactory(Options.Create(new StorageOptions
        {
            Provider = StorageProvider.SqlServer,
            CreateDatabase = false,
            ConnectionString = "Server=tcp:127.0.0.1,1;Database=CleaNum;User ID=cleanum;Password=x;Connect Timeout=1;Encrypt=False",
        }), Dialect);
        using var migrator = new DatabaseMigrator(connections, NullLogger<DatabaseMigrator>.Instance);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.StartsWith("Base de données injoignable", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A SqlException as SqlClient builds it: SqlError(number, state, class, server, message, procedure, line)
    /// in a SqlErrorCollection, through SqlException.CreateException.</summary>
    internal static SqlException Sql(int number, byte errorClass, string message = "test error", Exception? inner = null)
    {
        ConstructorInfo errorCtor = typeof(SqlError).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length).First();
        object?[] arguments = [.. errorCtor.GetParameters().Select(p => p.Name switch
        {
            "infoNumber" => number,
            "errorState" => (byte)1,
            "errorClass" => errorClass,
            "server" => "db",
            "errorMessage" => message,
            "procedure" => "",
            "lineNumber" => 1,
            "exception" => inner,
            "win32ErrorCode" when p.ParameterType == typeof(uint) => inner is System.ComponentModel.Win32Exception w ? unchecked((uint)w.NativeErrorCode) : 0u,
            "win32ErrorCode" => inner is System.ComponentModel.Win32Exception w ? w.NativeErrorCode : 0,
            _ => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null,
        })];
        var error = (SqlError)errorCtor.Invoke(arguments);
        var collection = (SqlErrorCollection)Activator.CreateInstance(typeof(SqlErrorCollection), nonPublic: true)!;
        typeof(SqlErrorCollection).GetMethod("Add", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(collection, [error]);
        MethodInfo create = typeof(SqlException).GetMethods(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.Name == "CreateException")
            .OrderBy(m => m.GetParameters().Any(p => p.ParameterType == typeof(Exception)) ? 0 : 1)
            .ThenBy(m => m.GetParameters().Length)
            .First(m => m.GetParameters() is [{ ParameterType: var a }, { ParameterType: var b }, ..] && a == typeof(SqlErrorCollection) && b == typeof(string));
        object?[] createArguments = [.. create.GetParameters().Select((p, i) => i switch
        {
            0 => collection,
            1 => "16.0.0",
            _ => p.ParameterType == typeof(Exception) ? inner : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null,
        })];
        return (SqlException)create.Invoke(null, createArguments)!;
    }
}
