using System;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Generator.Naming;

namespace FeishuGen.Corpus;

/// <summary>
/// Reaches generated members of the loaded corpus assembly the way user code does:
/// api.{Service}.{Version}.{Resource}.{Method}Async(request, cancellationToken).
/// </summary>
internal sealed class ClientNavigator
{
    private readonly Type _apiType;

    public ClientNavigator(Assembly assembly, string ns)
    {
        _apiType = assembly.GetType(ns + ".FeishuApi", throwOnError: true)!;
        var resolver = assembly.GetType(ns + ".FeishuJsonResolver", throwOnError: true)!;
        JsonOptions = (JsonSerializerOptions)resolver.GetProperty("Options")!.GetValue(null)!;
    }

    /// <summary>Options whose resolver knows every generated record.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>Calls the endpoint's generated method through a client that sends to <paramref name="handler"/>.</summary>
    public async Task<object?> CallAsync(FeishuEndpoint endpoint, object request, HttpMessageHandler handler)
    {
        using var http = new HttpClient(handler, disposeHandler: false);
        var options = new FeishuClientOptions { AppId = "cli_corpus", AppSecret = "corpus-secret", BaseAddress = new Uri("https://open.feishu.cn") };
        var api = Activator.CreateInstance(_apiType, options, http)!;
        var service = Property(api, Identifiers.Pascal(endpoint.Service));
        var version = Property(service, Identifiers.Pascal(endpoint.Version));
        var resource = Property(version, Identifiers.Pascal(endpoint.Resource));
        var method = resource.GetType().GetMethod(Identifiers.Pascal(endpoint.Method) + "Async", new[] { endpoint.RequestType, typeof(FeishuRequestOptions), typeof(CancellationToken) })
            ?? throw new MissingMethodException(resource.GetType().Name, Identifiers.Pascal(endpoint.Method) + "Async");

        // Endpoints that take only a user token are called as a user, as their callers would.
        var userOnly = !endpoint.Accepts(FeishuTokenType.Tenant) && !endpoint.Accepts(FeishuTokenType.App) && endpoint.TokenTypes.Count > 0;
        var callOptions = userOnly ? new FeishuRequestOptions { UserAccessToken = "u-corpus" } : null;
        var task = (Task)method.Invoke(resource, new[] { request, callOptions, CancellationToken.None })!;
        await task.ConfigureAwait(false);
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static object Property(object owner, string name)
        => owner.GetType().GetProperty(name)?.GetValue(owner) ?? throw new MissingMemberException(owner.GetType().Name, name);
}
