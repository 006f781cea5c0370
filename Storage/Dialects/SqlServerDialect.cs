using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Authentication;
using DbUp;
using DbUp.Builder;
using DbUp.Engine.Output;
using DbUp.SqlServer;
using Microsoft.Data.SqlClient;

namespace CleaNum.Storage.Dialects;

internal sealed class SqlServerDialect : ISqlDialect
{
    /// <summary>Collation of a database CleaNum creates itself (French sorting, case- and accent-insensitive search).</summary>
    public const string Collation = "French_CI_AS";

    /// <summary>
    /// SqlClient's own default transient list (<c>SqlConfigurableRetryFactory</c>'s inner list: lock,
    /// deadlock, login during failover, Azure throttling, TCP resets), which SqlClient does not apply unless a retry
    /// provider is configured, plus what CleaNum adds: -2 command timeout, -1/2/53 connection not established,
    /// 64/121 semaphore timeouts, 4060 at run time (database restarting), 10061 connection refused, 11001 host unknown
    /// (DNS), 40613 Azure. The test <c>SqlServerFaultTests</c> checks that SqlClient's list is included.
    /// </summary>
    internal static readonly IReadOnlySet<int> TransientNumbers = new HashSet<int>
    {
        // SqlClient's default list
        1204, 1205, 1222, 49918, 49919, 49920, 4060, 4221, 40143, 40613, 40501, 40540, 40197, 10929, 10928, 10060,
        10054, 10053, 997, 233,
        // SqlClient 6.1 added Azure SQL serverless (database paused, resuming)
        42108, 42109,
        // CleaNum's additions
        -2, -1, 2, 53, 64, 121, 10061, 11001,
    };

    /// <summary>The data of one submission was refused: string or binary data would be truncated (2628; 8152 below
    /// compatibility level 150), NULL into a NOT NULL column (515), FOREIGN KEY / CHECK conflict (547), arithmetic
    /// overflow (8115), conversion failed (245), plus 220 (overflow of a small type), 8114 (conversion of a parameter),
    /// 2615/2601 are unique (not here).</summary>
    internal static readonly IReadOnlySet<int> DataRejectedNumbers = new HashSet<int> { 2628, 8152, 515, 547, 8115, 245, 220, 8114 };

    private static readonly HashSet<int> LoginFailedNumbers = [18456, 18452, 18486, 18487, 18488];

    private static readonly HashSet<int> PermissionNumbers = [229, 230, 262, 297, 300, 1088, 2760, 15247, 916];

    /// <summary>Windows SSPI (native SNI) codes of a TLS failure: SEC_E_UNTRUSTED_ROOT, SEC_E_WRONG_PRINCIPAL,
    /// CERT_E_UNTRUSTEDROOT, CERT_E_CN_NO_MATCH, SEC_E_CERT_EXPIRED, SEC_E_ILLEGAL_MESSAGE, SEC_E_ALGORITHM_MISMATCH.</summary>
    private static readonly HashSet<int> TlsNativeCodes =
    [
        unchecked((int)0x80090325), unchecked((int)0x80090322), unchecked((int)0x800B0109), unchecked((int)0x800B010F),
        unchecked((int)0x80090328), unchecked((int)0x80090326), unchecked((int)0x80090331),
    ];

    public StorageProvider Provider => StorageProvider.SqlServer;

    public string SelectIdentity => "; SELECT CAST(SCOPE_IDENTITY() AS bigint);";

    public bool BatchesRows => true;

    public string UpsertMemberSql => """
        MERGE member WITH (HOLDLOCK) AS t
        USING (SELECT @Siren AS siren, @MemberName AS name, @ReceivedAtUtc AS received_at_utc) AS s
        ON t.siren = s.siren
        WHEN MATCHED THEN
            UPDATE SET name = COALESCE(s.name, t.name), last_received_at_utc = s.received_at_utc
        WHEN NOT MATCHED THEN
            INSERT (siren, name, first_received_at_utc, last_received_at_utc)
            VALUES (s.siren, s.name, s.received_at_utc, s.received_at_utc);
        """;

    public string MigrationFolder => ".Migrations.SqlServer.";

    public string Prepare(string sql) =>
        sql.Replace(ISqlDialect.LockHint, "WITH (UPDLOCK, HOLDLOCK)", StringComparison.Ordinal);

    public string BuildConnectionString(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new StorageUnavailableException(
                $"SqlServer: aucune chaîne de connexion / no connection string (ConnectionStrings:{StorageOptions.ConnectionStringName}).",
                isTransient: false, innerException: null);
        }

        var builder = new SqlConnectionStringBuilder(options.ConnectionString);
        if (builder.CommandTimeout == 30)
        {
            builder.CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        }

        return builder.ConnectionString;
    }

    public string Describe(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        string database = string.IsNullOrEmpty(builder.InitialCatalog) ? "(default)" : builder.InitialCatalog;
        return $"SQL Server '{builder.DataSource}', database '{database}'";
    }

    public DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public Task InitializeAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public Task PrepareDatabaseAsync(string connectionString, StorageOptions options, IUpgradeLog log, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!options.CreateDatabase)
        {
            // Production default: the database is the DBA's (docs/sqlserver-dba.sql); the service never needs the
            // server-level CREATE DATABASE permission. A missing database is reported by the first connection (4060).
            return Task.CompletedTask;
        }

        // Creates the database when missing (a fresh container, a test): checks sys.databases first, so it is harmless
        // otherwise. French_CI_AS rather than the server's default collation; SIMPLE recovery because nobody takes log
        // backups of a database the application created itself (FULL would grow the log for ever).
        EnsureDatabase.For.SqlDatabase(connectionString, log, timeout: -1, azureDatabaseEdition: AzureDatabaseEdition.None,
            collation: Collation, createDbSqlCommandsFactory: CreateDatabaseCommands, checkOnly: false);
        return Task.CompletedTask;
    }

    /// <summary>The statements run to create a missing database (also parsed by the ScriptDom tests).</summary>
    internal static IList<string> CreateDatabaseCommands(string databaseName)
    {
        string quoted = "[" + databaseName.Replace("]", "]]", StringComparison.Ordinal) + "]";
        return
        [
            $"CREATE DATABASE {quoted} COLLATE {Collation};",
            $"ALTER DATABASE {quoted} SET RECOVERY SIMPLE;",
        ];
    }

    public UpgradeEngineBuilder CreateUpgradeBuilder(string connectionString) =>
        DeployChanges.To.SqlDatabase(connectionString).JournalToSqlTable("dbo", "schema_versions");

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqlException { Number: 2601 or 2627 };

    public bool IsTransient(Exception exception) => Classify(exception).IsTransient;

    public StorageFault Classify(Exception exception) => exception switch
    {
        SqlException e => Classify(e.Errors.Cast<SqlError>().Select(x => (x.Number, (int)x.Class)).DefaultIfEmpty((e.Number, e.Class)).ToList(), e),
        TimeoutException => Transient(),
        IOException => Transient(),
        _ => StorageFault.Unknown,
    };

    /// <summary>The rules, on the (number, class) pairs of the exception's errors (testable without a server).</summary>
    internal static StorageFault Classify(IReadOnlyList<(int Number, int Class)> errors, Exception exception)
    {
        if (IsTls(errors, exception))
        {
            return new StorageFault(StorageFaultKind.Tls,
                "la connexion chiffrée (TLS) à SQL Server a échoué : le certificat du serveur n'est pas approuvé par cette "
                + "machine ou ne porte pas le nom utilisé dans la chaîne de connexion. Installez sur le serveur un certificat "
                + "émis par une autorité approuvée et indiquez son nom complet (FQDN) dans Server=, ou, pour un serveur de test "
                + "isolé seulement, ajoutez TrustServerCertificate=True (voir docs/service.md, « Chiffrement »).");
        }

        foreach ((int number, _) in errors)
        {
            if (number is 2601 or 2627)
            {
                return new StorageFault(StorageFaultKind.UniqueViolation, "");
            }

            if (number == 1205)
            {
                return new StorageFault(StorageFaultKind.Deadlock, "SQL Server a interrompu l'écriture (interblocage) ; elle est rejouée.");
            }

            if (DataRejectedNumbers.Contains(number))
            {
                return new StorageFault(StorageFaultKind.DataRejected, DataRejectedFrench(number));
            }

            if (LoginFailedNumbers.Contains(number))
            {
                return new StorageFault(StorageFaultKind.LoginFailed, string.Create(CultureInfo.InvariantCulture,
                    $"SQL Server a refusé la connexion (erreur {number}) : identifiant ou mot de passe incorrect, compte désactivé, ou compte Windows du service sans accès. Vérifiez User ID / Password (ou Integrated Security et le compte du service) dans la chaîne de connexion."));
            }

            if (PermissionNumbers.Contains(number))
            {
                return new StorageFault(StorageFaultKind.PermissionDenied, string.Create(CultureInfo.InvariantCulture,
                    $"le compte n'a pas les droits nécessaires sur la base (erreur {number}). Le service a besoin de db_datareader, db_datawriter et EXECUTE ; la création et la mise à jour du schéma se font avec un compte DBA par « cleanum migrate » (voir docs/service.md)."));
            }
        }

        if (errors.Any(e => TransientNumbers.Contains(e.Number) || (e.Number == 0 && e.Class >= 20)))
        {
            // Number 0 with class 20+ is how SqlClient's managed network layer (Linux, Docker) reports a refused or
            // broken connection: the server is not there (yet).
            return Transient();
        }

        return new StorageFault(StorageFaultKind.Fatal,
            "SQL Server a renvoyé une erreur qu'un nouvel essai ne corrigera pas (voir le détail technique).");
    }

    /// <summary>The French reason of a start-up failure: a database that cannot be opened is named as such.</summary>
    internal static string DatabaseMissingFrench(string database) =>
        $"la base « {database} » n'existe pas sur ce serveur ou ce compte ne peut pas l'ouvrir. Un DBA la crée (docs/sqlserver-dba.sql) "
        + "puis lance « cleanum migrate » ; ou, pour un serveur de test, Storage:CreateDatabase=true.";

    private static StorageFault Transient() => new(StorageFaultKind.Transient,
        "SQL Server est injoignable pour l'instant (réseau, serveur arrêté ou en redémarrage, délai dépassé) : vérifiez le nom du serveur, le port (1433), le pare-feu et que le service SQL Server est démarré.")
    {
        Reason = Core.Ports.StoreFailureReason.Unreachable,
    };

    private static string DataRejectedFrench(int number) => number switch
    {
        2628 or 8152 => "un texte de ce fichier est plus long que ce que la base accepte pour cette colonne",
        515 => "une valeur obligatoire pour la base est vide",
        547 => "une valeur ne respecte pas une contrainte de la base (liste de valeurs ou lien entre tables)",
        8115 or 220 => "un nombre de ce fichier est trop grand pour la base",
        _ => "une valeur de ce fichier n'a pas pu être convertie au type attendu par la base",
    } + string.Create(CultureInfo.InvariantCulture, $" (SQL Server, erreur {number}).");

    private static bool IsTls(IReadOnlyList<(int Number, int Class)> errors, Exception exception)
    {
        if (errors.Any(e => TlsNativeCodes.Contains(e.Number)))
        {
            return true;
        }

        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException
                || (inner is System.ComponentModel.Win32Exception w && TlsNativeCodes.Contains(w.NativeErrorCode))
                || inner.Message.Contains("SSL Provider", StringComparison.OrdinalIgnoreCase)
                || inner.Message.Contains("certificate", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
