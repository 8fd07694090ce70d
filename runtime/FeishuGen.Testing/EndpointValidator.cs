using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FeishuGen.Testing;

/// <summary>A rejection the server answers instead of the example: HTTP status and JSON body.</summary>
internal sealed record Rejection(int Status, string Body);

/// <summary>
/// Checks a request against its endpoint the way Feishu does: an Authorization header with a
/// live token of a type the endpoint accepts, a JSON body, and every required field present.
/// </summary>
internal static class EndpointValidator
{
    public static Rejection? Check(FeishuEndpoint endpoint, HttpRequest request, string body, TokenIssuer tokens, UserTokenIssuer userTokens, FeishuTestServerOptions options)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Error(400, 99991661, "Missing access token for authorization. Please make a request with token attached.");
        }

        var token = authorization.Substring("Bearer ".Length).Trim();
        FeishuTokenType? type = userTokens.IsValid(token) ? FeishuTokenType.User : tokens.Check(token);
        if (type is null)
        {
            return token.StartsWith("u-", StringComparison.Ordinal)
                ? Error(400, 99991677, "user access token expired")
                : Error(400, 99991663, "Invalid access token for authorization. Please make a request with token attached.");
        }

        if (endpoint.TokenTypes.Count > 0 && !endpoint.Accepts(type.Value))
        {
            return Error(400, 99991663, $"This endpoint does not accept a {type.Value.WireName()}; it accepts {string.Join(", ", endpoint.TokenTypes)}.");
        }

        foreach (var name in endpoint.RequiredQueryParameters)
        {
            if (!request.Query.ContainsKey(name))
            {
                return FieldError(name, "required query parameter is missing");
            }
        }

        if (endpoint.RequestKind == FeishuPayloadKind.Multipart)
        {
            return request.HasFormContentType && request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? null
                : Error(400, 99992402, "field validation failed: an upload must be multipart/form-data");
        }

        if (!options.ValidateRequiredFields || endpoint.RequiredBodyFields.Count == 0)
        {
            return null;
        }

        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Error(400, 99992402, "field validation failed: the body must be application/json");
        }

        var json = JsonBody.Object(body);

        if (json is null)
        {
            return Error(400, 99992402, "field validation failed: the body is not a JSON object");
        }

        var missing = endpoint.RequiredBodyFields.FirstOrDefault(f => json[f] is null);
        return missing is null ? null : FieldError(missing, "required field is missing");
    }

    private static Rejection Error(int status, int code, string msg)
        => new(status, new JsonObject { ["code"] = code, ["msg"] = msg }.ToJsonString());

    private static Rejection FieldError(string field, string description)
    {
        var error = new JsonObject
        {
            ["field_violations"] = new JsonArray(new JsonObject { ["field"] = field, ["description"] = description }),
        };
        return new(400, new JsonObject { ["code"] = 99992402, ["msg"] = "field validation failed", ["error"] = error }.ToJsonString());
    }
}
