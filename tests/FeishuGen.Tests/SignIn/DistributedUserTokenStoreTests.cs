using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Runtime;
using FeishuGen.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;
using Xunit;

namespace FeishuGen.Tests.SignIn;

/// <summary>
/// Users' tokens on a real Redis, shared by two app instances (each with its own connection,
/// client and sessions, and one Data Protection key ring between them).
/// </summary>
public sealed class DistributedUserTokenStoreTests : LoopbackTest, IClassFixture<RedisFixture>, IDisposable
{
    private readonly RedisFixture _redis;
    private readonly string _prefix = "signin-" + Guid.NewGuid().ToString("N")[..8] + ":";
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("feishugen-keys-");
    private readonly List<IDisposable> _owned = new();

    public DistributedUserTokenStoreTests(RedisFixture redis) => _redis = redis;

    private string OpenId => Server.Options.SignIn.User.OpenId;

    [Fact]
    public async Task Two_instances_refresh_an_expired_user_once_and_both_use_the_rotated_pair()
    {
        var a = Instance(_keys);
        var b = Instance(_keys);
        await a.Sessions.SaveAsync(OpenId, SignedIn());

        for (var round = 1; round <= 3; round++)
        {
            var before = (await a.Store.GetAsync(Server.Options.AppId, OpenId, default))!;
            Server.ExpireUserToken(before.AccessToken);

            // Eight requests of the user at once, half on each instance, each loading the session anew.
            var used = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
            {
                var instance = i % 2 == 0 ? a : b;
                var session = (await instance.Sessions.GetAsync(OpenId))!;
                await instance.Api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { UserSession = session });
                return session.AccessToken;
            }));

            Assert.Equal(round, Server.UserTokenRefreshes);
            var after = (await b.Store.GetAsync(Server.Options.AppId, OpenId, default))!;
            Assert.All(used, token => Assert.Equal(after.AccessToken, token));
            Assert.NotEqual(before.RefreshToken, after.RefreshToken);
            Assert.True(Server.IsUserTokenValid(after.AccessToken));
        }
    }

    [Fact]
    public async Task Nothing_in_Redis_is_readable_without_the_key_ring()
    {
        var a = Instance(_keys);
        var tokens = SignedIn();
        await a.Sessions.SaveAsync(OpenId, tokens);
        await a.Store.TryAcquireRefreshLeaseAsync(Server.Options.AppId, OpenId, "owner-1", TimeSpan.FromSeconds(10), default);

        using var mux = await ConnectionMultiplexer.ConnectAsync(_redis.Redis.Configuration);
        var redis = mux.GetServer(_redis.Redis.EndPoint);
        var keys = redis.Keys(pattern: _prefix + "*").ToList();
        Assert.Equal(2, keys.Count); // the tokens and the lease
        var secrets = new[] { tokens.AccessToken, tokens.RefreshToken!, OpenId, Server.Options.SignIn.User.UnionId, Server.Options.AppId, Server.Options.AppSecret, "u-local", "r-local" };
        foreach (var key in keys)
        {
            var text = key.ToString() + string.Concat(mux.GetDatabase().HashGetAll(key).Select(e => e.Name + "=" + Encoding.UTF8.GetString((byte[])e.Value!)));
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }

        // Another key ring reads nothing (and says why); the shared one reads the tokens back.
        var otherKeys = Directory.CreateTempSubdirectory("feishugen-other-keys-");
        _owned.Add(new Deletion(otherKeys));
        var stranger = Instance(otherKeys);
        Assert.Null(await stranger.Store.GetAsync(Server.Options.AppId, OpenId, default));
        Assert.Contains(stranger.Log.Lines, l => l.Contains("cannot be decrypted", StringComparison.Ordinal));
        var sibling = Instance(_keys);
        var read = (await sibling.Store.GetAsync(Server.Options.AppId, OpenId, default))!;
        Assert.Equal((tokens.AccessToken, tokens.RefreshToken, tokens.Scope), (read.AccessToken, read.RefreshToken, read.Scope));
        Assert.Equal(tokens.ExpiresAt!.Value.ToUnixTimeMilliseconds(), read.ExpiresAt!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Sign_out_on_one_instance_revokes_and_the_other_finds_the_user_signed_out()
    {
        var a = Instance(_keys);
        var b = Instance(_keys);
        await a.Sessions.SaveAsync(OpenId, SignedIn());
        var session = (await b.Sessions.GetAsync(OpenId))!;

        Assert.True(await a.Sessions.SignOutAsync(OpenId));

        Assert.Null(await b.Sessions.GetAsync(OpenId));
        Assert.False(Server.IsUserTokenValid(Server.Options.UserAccessToken));
        var error = await Assert.ThrowsAsync<FeishuSignInException>(() => b.Api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { UserSession = session }));
        Assert.Equal("signed_out", error.Error);
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _keys.Delete(recursive: true);
    }

    private FeishuUserTokens SignedIn() => new()
    {
        AccessToken = Server.Options.UserAccessToken,
        RefreshToken = Server.Options.UserRefreshToken,
        ExpiresAt = DateTimeOffset.UtcNow.AddHours(2),
        RefreshTokenExpiresAt = DateTimeOffset.UtcNow.AddDays(7),
        Scope = "offline_access im:chat:readonly",
    };

    private AppInstance Instance(DirectoryInfo keys)
    {
        var cache = new RedisCache(new RedisCacheOptions { Configuration = _redis.Redis.Configuration, InstanceName = _prefix });
        var log = new ListLogger();
        var store = new DistributedFeishuUserTokenStore(cache, DataProtectionProvider.Create(keys), logger: log);
        var http = new HttpClient();
        var client = new FeishuClient(Server.CreateClientOptions(), http);
        _owned.Add(cache);
        _owned.Add(http);
        _owned.Add(client);
        return new AppInstance(store, new FeishuUserSessions(client, store), new FeishuApi(client), log);
    }

    private sealed record Deletion(DirectoryInfo Folder) : IDisposable
    {
        public void Dispose() => Folder.Delete(recursive: true);
    }

    private sealed record AppInstance(DistributedFeishuUserTokenStore Store, FeishuUserSessions Sessions, FeishuApi Api, ListLogger Log);
}
