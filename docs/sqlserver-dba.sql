-- CleaNum on SQL Server: what the DBA runs once, before the first start of the service (docs/service.md, « SQL Server »).
-- sqlcmd (SQL Server 2019 or later; sqlcmd 18 encrypts and checks the certificate by default):
--   sqlcmd -S sql01.exemple.fr -E -b -i sqlserver-dba.sql ^
--          -v DatabaseName="CleaNum" ServicePassword="<mot de passe 1>" MigratorPassword="<mot de passe 2>" RecoveryModel="SIMPLE"
-- (SSMS: Query > SQLCMD Mode, and add at the top, filled in:  :setvar DatabaseName "CleaNum"  :setvar RecoveryModel "SIMPLE"
--  :setvar ServicePassword "..."  :setvar MigratorPassword "..." — a :setvar would override sqlcmd -v, hence none here.)
-- Passwords must not contain a single quote (').
--
-- What it creates:
--   * the database, collation French_CI_AS (French sorting; accent-sensitive, case-insensitive searches), recovery
--     model SIMPLE (no log backups needed) or FULL (only if the transaction log is backed up, e.g. every 30 min;
--     otherwise the log grows until the disk is full);
--   * login cleanum_service: the service's account, db_datareader + db_datawriter + EXECUTE, no DDL;
--   * login cleanum_migrator: for « cleanum migrate » (schema creation and upgrades), db_ddladmin + read/write.
-- Windows authentication instead of passwords: see the commented lines at the end.
-- Re-running it is harmless (every object is created only when missing).

USE master;
GO

IF DB_ID(N'$(DatabaseName)') IS NULL
    CREATE DATABASE [$(DatabaseName)] COLLATE French_CI_AS;
GO

ALTER DATABASE [$(DatabaseName)] SET RECOVERY $(RecoveryModel);
GO

IF SUSER_ID(N'cleanum_service') IS NULL
    CREATE LOGIN cleanum_service WITH PASSWORD = N'$(ServicePassword)', CHECK_POLICY = ON, DEFAULT_DATABASE = [$(DatabaseName)];
IF SUSER_ID(N'cleanum_migrator') IS NULL
    CREATE LOGIN cleanum_migrator WITH PASSWORD = N'$(MigratorPassword)', CHECK_POLICY = ON, DEFAULT_DATABASE = [$(DatabaseName)];
GO

USE [$(DatabaseName)];
GO

IF USER_ID(N'cleanum_service') IS NULL
    CREATE USER cleanum_service FOR LOGIN cleanum_service;
ALTER ROLE db_datareader ADD MEMBER cleanum_service;
ALTER ROLE db_datawriter ADD MEMBER cleanum_service;
GRANT EXECUTE TO cleanum_service;

IF USER_ID(N'cleanum_migrator') IS NULL
    CREATE USER cleanum_migrator FOR LOGIN cleanum_migrator;
ALTER ROLE db_ddladmin ADD MEMBER cleanum_migrator;
ALTER ROLE db_datareader ADD MEMBER cleanum_migrator;
ALTER ROLE db_datawriter ADD MEMBER cleanum_migrator;
GO

-- Windows authentication (Integrated Security=True in the connection string), instead of cleanum_service:
--   SQL Server on the same machine as the service:  CREATE LOGIN [NT SERVICE\CleaNum] FROM WINDOWS;
--   SQL Server on another machine: the virtual account connects as the computer account:
--                                                    CREATE LOGIN [DOMAINE\SRV-CLEANUM$] FROM WINDOWS;
--   then, in the database: CREATE USER [...] FOR LOGIN [...]; and the same three lines as for cleanum_service.
