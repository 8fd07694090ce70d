using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FeishuGen.Bots;
using FeishuGen.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace FeishuGen.Tests.Bots;

/// <summary>Uploading from a URL refuses addresses that are not public, redirects included; a test allows loopback explicitly.</summary>
public sealed class UrlGuardTests : IAsyncLifetime
{
    private static readonly byte[] Png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
    private WebApplication _site = null!;
    private Uri _address = null!;
    private FeishuTestServer _server = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _site = builder.Build();
        _site.MapGet("/logo.png", () => Results.Bytes(Png, "image/png"));
        _site.MapGet("/to-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        _site.MapGet("/to-private", () => Results.Redirect("http://10.1.2.3/secret.png"));
        _site.MapGet("/to-logo", () => Results.Redirect("/logo.png"));
        await _site.StartAsync();
        _address = new Uri(_site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        _server = await FeishuTestServer.StartAsync(FeishuBot.Endpoints, new FeishuTestServerOptions { SimulateMessaging = true });
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Loopback_is_refused_by_default_and_allowed_only_when_configured()
    {
        using var client = new FeishuClient(_server.CreateClientOptions());
        using var strict = new FeishuBot(client);
        var refused = await Assert.ThrowsAsync<BotUrlRefusedException>(() => strict.UploadImageFromUrlAsync(new Uri(_address, "/logo.png")));
        Assert.Contains("loopback", refused.Message, StringComparison.Ordinal);

        using var local = new FeishuBot(client, new FeishuBotOptions { UrlFetch = { AllowLoopback = true } });
        var key = await local.UploadImageFromUrlAsync(new Uri(_address, "/to-logo"));
        Assert.Equal(Png, _server.Messenger.Uploads(key));
    }

    [Theory]
    [InlineData("/to-metadata", "link-local")]
    [InlineData("/to-private", "private")]
    public async Task A_redirect_to_a_private_or_link_local_address_is_refused_before_connecting(string path, string kind)
    {
        using var client = new FeishuClient(_server.CreateClientOptions());
        using var bot = new FeishuBot(client, new FeishuBotOptions { UrlFetch = { AllowLoopback = true } });

        var refused = await Assert.ThrowsAsync<BotUrlRefusedException>(() => bot.UploadImageFromUrlAsync(new Uri(_address, path)));

        Assert.Contains(kind, refused.Message, StringComparison.Ordinal);
        Assert.Contains("redirect", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.8", "private")]
    [InlineData("172.20.1.1", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00::1", "private")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("64:ff9b::a00:1", "private")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast or reserved")]
    public void Addresses_that_are_not_public_are_refused(string address, string kind)
        => Assert.Equal(kind, BotUrlFetcher.Refusal(IPAddress.Parse(address), new BotUrlFetchOptions()));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void Public_addresses_are_allowed(string address) => Assert.Null(BotUrlFetcher.Refusal(IPAddress.Parse(address), new BotUrlFetchOptions()));
}
