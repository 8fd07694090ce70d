using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace FeishuGen.Corpus;

/// <summary>Fills a request's [FeishuPath] and [FeishuQuery] properties from the text of a URL.</summary>
internal static class ParameterSetter
{
    /// <summary>Sets the values and returns the names that no property takes.</summary>
    public static List<string> Apply(object request, IEnumerable<(string Name, string Value)> path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var properties = request.GetType().GetProperties();
        var unknown = new List<string>();
        foreach (var (name, value) in path)
        {
            var property = properties.FirstOrDefault(p => p.GetCustomAttribute<FeishuPathAttribute>()?.Name == name);
            if (property is null)
            {
                unknown.Add(name);
                continue;
            }

            property.SetValue(request, Convert(value, property.PropertyType));
        }

        foreach (var group in query.GroupBy(p => p.Key))
        {
            var property = properties.FirstOrDefault(p => p.GetCustomAttribute<FeishuQueryAttribute>()?.Name == group.Key);
            if (property is null)
            {
                unknown.Add(group.Key);
                continue;
            }

            var values = group.Select(p => p.Value).ToList();
            property.SetValue(request, property.PropertyType == typeof(string) || Nullable.GetUnderlyingType(property.PropertyType) is not null || property.PropertyType.IsValueType
                ? Convert(values[^1], property.PropertyType)
                : ConvertList(values, property.PropertyType));
        }

        return unknown;
    }

    private static object? Convert(string value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return value;
        }

        if (target == typeof(long))
        {
            return long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        if (target == typeof(double))
        {
            return double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (target == typeof(bool))
        {
            return bool.Parse(value);
        }

        throw new FormatException($"cannot put '{value}' in a {type.Name}");
    }

    private static object ConvertList(List<string> values, Type listType)
    {
        var item = listType.GetGenericArguments()[0];
        if (item == typeof(long))
        {
            return values.Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList();
        }

        return values;
    }
}
