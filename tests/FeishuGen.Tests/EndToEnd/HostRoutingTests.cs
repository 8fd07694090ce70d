using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.EndToEnd;

/// <summary>
/// The client's domain decides where a call goes, never the page's host: a page saved from the
/// Lark portal (open.larksuite.com) calls Feishu on a Feishu client, and an endpoint on a host of
/// its own (www.feishu.cn/approval/openapi/…) goes to its twin (www.larksuite.com) on a Lark client.
/// The generated code is compiled, loaded and called through a capturing handler.
/// </summary>
public sealed class HostRoutingTests
{
    private static readonly Lazy<Assembly> Generated = new(Compile);

    [Theory]
    [InlineData("https://open.feishu.cn", "Memo", "Note", "CreateAsync", "open.feishu.cn")]
    [InlineData("https://open.larksuite.com", "Memo", "Note", "CreateAsync", "open.larksuite.com")]
    [InlineData("https://open.feishu.cn", "Approval", "Instance", "GetAsync", "www.feishu.cn")]
    [InlineData("https://open.larksuite.com", "Approval", "Instance", "GetAsync", "www.larksuite.com")]
    public async Task A_call_goes_to_the_clients_domain(string domain, string service, string resource, string method, string expectedHost)
    {
        var handler = new Capturing();
        using var http = new HttpClient(handler);
        var options = new FeishuClientOptions { AppId = "cli_hosts", AppSecret = "secret", BaseAddress = new Uri(domain) };
        var api = Activator.CreateInstance(Generated.Value.GetType("FeishuGen.Api.FeishuApi", throwOnError: true)!, options, http)!;
        var group = Property(Property(Property(api, service), "V" + (service == "Approval" ? "2" : "1")), resource);
        var call = group.GetType().GetMethods().Single(m => m.Name == method && m.GetParameters().Length == 2);
        var request = Activator.CreateInstance(call.GetParameters()[0].ParameterType)!;

        await (Task)call.Invoke(group, new[] { request, CancellationToken.None })!;

        var sent = Assert.Single(handler.Calls, c => !c.AbsolutePath.StartsWith("/open-apis/auth/", StringComparison.Ordinal));
        Assert.Equal(expectedHost, sent.Host);
        Assert.Equal(new Uri(domain).Host, Assert.Single(handler.Calls, c => c.AbsolutePath.StartsWith("/open-apis/auth/", StringComparison.Ordinal)).Host);
    }

    [Fact]
    public void The_catalogue_keeps_a_host_only_for_an_endpoint_on_a_host_of_its_own_by_its_feishu_name()
    {
        var catalogue = (IReadOnlyList<FeishuEndpoint>)Generated.Value.GetType("FeishuGen.Api.FeishuEndpointCatalogue")!.GetProperty("All")!.GetValue(null)!;

        Assert.Null(catalogue.Single(e => e.Resource == "note").Host);
        Assert.Equal("https://www.feishu.cn", catalogue.Single(e => e.Resource == "instance").Host);
    }

    private static Assembly Compile()
    {
        var pages = new[] { Path.Combine("lark-portal", "create-note.md"), Path.Combine("feishu", "get-approval-instance.md") }
            .Select(p => GeneratorHarness.Page("/p/specs/" + Path.GetFileName(p), File.ReadAllText(Path.Combine(Repo.Root, "tests", "FeishuGen.Tests", "Pages", p))))
            .ToArray();
        var (_, output, _) = GeneratorHarness.Run(pages);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new AssemblyLoadContext("host-routing").LoadFromStream(stream);
    }

    private static object Property(object owner, string name)
        => owner.GetType().GetProperty(name)?.GetValue(owner) ?? throw new MissingMemberException(owner.GetType().Name, name);

    private sealed class Capturing : HttpMessageHandler
    {
        public List<Uri> Calls { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Calls)
            {
                Calls.Add(request.RequestUri!);
            }

            var body = request.RequestUri!.AbsolutePath.StartsWith("/open-apis/auth/", StringComparison.Ordinal)
                ? "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-1\",\"app_access_token\":\"a-1\",\"expire\":7200}"
                : "{\"code\":0,\"msg\":\"success\",\"data\":{}}";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
