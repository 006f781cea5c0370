-- Twin of SqlServer/0002_member_text_unbounded.sql (issue 16). SQLite TEXT has no length limit and the 0001 schema
-- declares no length CHECK, so there is nothing to change here; MemberTextColumnTests checks that it stays so.
SELECT 1;
