using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace FeishuGen.Testing;

/// <summary>
/// The fields of an OAuth request as Feishu takes them: a JSON body (as its docs show) or a form
/// (as RFC 6749 and the official CLI send), plus HTTP Basic client credentials.
/// </summary>
internal static class OAuthFields
{
    public static Dictionary<string, string> Read(string? contentType, string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var pair in QueryHelpers.ParseQuery(body.StartsWith('?') ? body : "?" + body))
            {
                fields[pair.Key] = pair.Value.ToString();
            }
        }
        else if (JsonBody.Object(body) is { } json)
        {
            foreach (var member in json)
            {
                if (member.Value is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    fields[member.Key] = text;
                }
            }
        }

        return fields;
    }

    /// <summary>The client id and secret of HTTP Basic auth, or null.</summary>
    public static (string Id, string Secret)? Basic(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
