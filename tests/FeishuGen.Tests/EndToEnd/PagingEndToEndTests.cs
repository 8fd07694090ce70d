using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.EndToEnd;

/// <summary>Generated page and item enumerators over the local server's simulated pages.</summary>
public sealed class PagingEndToEndTests : LoopbackTest
{
    protected override FeishuTestServerOptions ServerOptions => new() { PagesPerList = 5 };

    [Fact]
    public async Task Items_are_enumerated_across_every_page_following_page_tokens()
    {
        var names = new List<string?>();
        await foreach (var chat in Api.Im.V1.Chat.ListItemsAsync(new ListChatRequest { PageSize = 2 }))
        {
            names.Add(chat.Name);
        }

        Assert.Equal(10, names.Count);
        var calls = Server.ApiRequests;
        Assert.Equal(5, calls.Count);
        Assert.Equal("?page_size=2", calls[0].QueryString);
        Assert.Equal(new[] { "page-2", "page-3", "page-4", "page-5" }, calls.Skip(1).Select(c => System.Web.HttpUtility.ParseQueryString(c.QueryString)["page_token"]));
        Assert.All(calls, c => Assert.Contains("page_size=2", c.QueryString));
    }

    [Fact]
    public async Task An_error_on_a_later_page_is_thrown_after_the_items_before_it()
    {
        Server.Enqueue(ScriptedReply.Error(400, 232001, "page broke"), r => r.QueryString.Contains("page_token=page-3"));
        var seen = 0;

        var error = await Assert.ThrowsAsync<FeishuApiException>(async () =>
        {
            await foreach (var page in Api.Im.V1.Chat.ListPagesAsync(new ListChatRequest()))
            {
                seen++;
            }
        });

        Assert.Equal(2, seen);
        Assert.Equal(232001, error.Code);
    }

    [Fact]
    public async Task A_server_that_repeats_the_page_token_stops_the_loop()
    {
        Server.Enqueue(new ScriptedReply(200, """{"code":0,"msg":"ok","data":{"items":[],"has_more":true,"page_token":"same"}}"""));
        Server.Enqueue(new ScriptedReply(200, """{"code":0,"msg":"ok","data":{"items":[],"has_more":true,"page_token":"same"}}"""));

        await Assert.ThrowsAsync<FeishuResponseFormatException>(async () =>
        {
            await foreach (var page in Api.Im.V1.Chat.ListPagesAsync(new ListChatRequest()))
            {
            }
        });
        Assert.Equal(2, Server.ApiRequests.Count);
    }
}
