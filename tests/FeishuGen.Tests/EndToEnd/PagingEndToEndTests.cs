using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Api.Vc.V1;
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
    public async Task A_method_whose_example_shows_no_page_token_is_paged_with_its_body_token_and_the_size_it_asks_for()
    {
        // specs/视频会议/搜索会议室.md: page_token and page_size in the JSON body, an example of one last page (has_more false, no token).
        var rooms = new List<string?>();
        await foreach (var room in Api.Vc.V1.Room.SearchItemsAsync(new SearchRoomRequest { Keyword = "三层", PageSize = 3 }))
        {
            rooms.Add(room.RoomId);
        }

        Assert.Equal(15, rooms.Count);
        var bodies = Server.ApiRequests.Select(r => System.Text.Json.Nodes.JsonNode.Parse(r.Body)!.AsObject()).ToList();
        Assert.Equal(5, bodies.Count);
        Assert.False(bodies[0].ContainsKey("page_token"));
        Assert.Equal(new[] { "page-2", "page-3", "page-4", "page-5" }, bodies.Skip(1).Select(b => (string?)b["page_token"]));
        Assert.All(bodies, b => Assert.Equal(3, (int)b["page_size"]!));
        Assert.All(Server.ApiRequests, r => Assert.Equal(string.Empty, r.QueryString));
    }

    [Fact]
    public void The_catalogue_says_how_every_method_with_a_pager_pages_and_no_other()
    {
        foreach (var endpoint in FeishuEndpointCatalogue.All)
        {
            var resource = endpoint.RequestType.Assembly.GetTypes().Single(t => t.Name.EndsWith("Api", System.StringComparison.Ordinal)
                && t.GetMethods().Any(m => m.GetParameters().FirstOrDefault()?.ParameterType == endpoint.RequestType && m.ReturnType.Name.StartsWith("Task", System.StringComparison.Ordinal)));
            var hasPager = resource.GetMethods().Any(m => m.Name.EndsWith("PagesAsync", System.StringComparison.Ordinal) && m.GetParameters()[0].ParameterType == endpoint.RequestType);
            Assert.True(hasPager == (endpoint.Paging is not null), endpoint + (hasPager ? " has a pager the catalogue does not describe" : " is described as paged without a pager"));
        }

        var chats = FeishuEndpointCatalogue.ImV1ChatList.Paging!;
        Assert.Equal((FeishuParameterLocation.Query, "page_size", "items"), (chats.TokenLocation, chats.SizeParameter, chats.ItemsMember));
        var rooms = FeishuEndpointCatalogue.VcV1RoomSearch.Paging!;
        Assert.Equal((FeishuParameterLocation.Body, FeishuParameterLocation.Body, "rooms"), (rooms.TokenLocation, rooms.SizeLocation, rooms.ItemsMember));
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
