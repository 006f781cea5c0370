namespace CleaNum.Worker.Tests.Platform;

/// <summary>docker/docker-compose.yml as production would run it (read as text: no Docker engine here).</summary>
public sealed class DockerComposeTests
{
    private static string Compose()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "docker", "docker-compose.yml");
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException("docker/docker-compose.yml not found above the test folder.");
    }

    private static IEnumerable<string> Lines() =>
        Compose().Split('\n').Select(l => l.TrimEnd()).Where(l => !l.TrimStart().StartsWith('#'));

    [Fact]
    public void Pins_the_sql_server_image_to_a_cumulative_update()
    {
        string[] images = [.. Lines().Where(l => l.TrimStart().StartsWith("image: mcr.microsoft.com/mssql/server", StringComparison.Ordinal))];

        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Matches(@"mssql/server:2022-CU\d+-ubuntu-\d+\.\d+$", image));
    }

    [Fact]
    public void Gives_the_worker_and_the_database_more_than_docker_s_10_second_stop_grace()
    {
        string[] grace = [.. Lines().Where(l => l.TrimStart().StartsWith("stop_grace_period:", StringComparison.Ordinal))];

        Assert.True(grace.Length >= 2, "db and worker both need a stop_grace_period");
        Assert.All(grace, g => Assert.True(int.Parse(g.Split(':')[1].Trim().TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture) >= 30, g));
    }

    [Fact]
    public void Never_connects_the_application_as_sa_and_quotes_every_password()
    {
        string[] connectionStrings = [.. Lines().Where(l => l.Contains("ConnectionStrings__CleaNum:", StringComparison.Ordinal))];

        Assert.Equal(2, connectionStrings.Length); // migrate and worker
        Assert.All(connectionStrings, c =>
        {
            Assert.DoesNotContain("User ID=sa;", c, StringComparison.OrdinalIgnoreCase);
            Assert.Matches(@"Password='\$\{[A-Z_]+(:\?[^}]*)?\}';", c);
        });
        Assert.Contains(connectionStrings, c => c.Contains("User ID=cleanum_service;", StringComparison.Ordinal));
    }
}
