using System;
using System.Collections.Generic;

namespace FeishuGen.Testing;

/// <summary>Finds the catalogue endpoint for a method and path, matching ':name' segments to any value.</summary>
internal sealed class RouteTable
{
    private readonly List<(FeishuEndpoint Endpoint, string[] Segments)> _routes = new();

    public RouteTable(IEnumerable<FeishuEndpoint> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            _routes.Add((endpoint, endpoint.PathTemplate.Trim('/').Split('/')));
        }

        // Literal segments win over placeholders: /users/batch before /users/:user_id.
        _routes.Sort((a, b) => Specificity(b.Segments).CompareTo(Specificity(a.Segments)));
    }

    public FeishuEndpoint? Match(string method, string path, out bool pathKnown)
    {
        pathKnown = false;
        var segments = path.Trim('/').Split('/');
        foreach (var (endpoint, template) in _routes)
        {
            if (!Matches(template, segments))
            {
                continue;
            }

            pathKnown = true;
            if (string.Equals(endpoint.HttpMethod, method, StringComparison.OrdinalIgnoreCase))
            {
                return endpoint;
            }
        }

        return null;
    }

    private static bool Matches(string[] template, string[] segments)
    {
        if (template.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var placeholder = template[i].StartsWith(':');
            if (placeholder ? segments[i].Length == 0 : !string.Equals(template[i], segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static int Specificity(string[] segments)
    {
        var literal = 0;
        foreach (var segment in segments)
        {
            if (!segment.StartsWith(':'))
            {
                literal++;
            }
        }

        return literal;
    }
}
