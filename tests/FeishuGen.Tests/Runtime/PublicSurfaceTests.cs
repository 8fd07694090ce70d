using System;
using System.ComponentModel;
using System.Reflection;
using FeishuGen.Json;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>IntelliSense shows users their API: the plumbing that generated code calls is hidden from completion lists.</summary>
public sealed class PublicSurfaceTests
{
    [Theory]
    [InlineData(typeof(FeishuJsonReader))]
    [InlineData(typeof(FeishuJsonWriter))]
    [InlineData(typeof(FeishuJsonShape<object>))]
    [InlineData(typeof(FeishuJsonValues))]
    [InlineData(typeof(FeishuJsonValue<object>))]
    [InlineData(typeof(FeishuJsonShapes))]
    [InlineData(typeof(FeishuPaging))]
    [InlineData(typeof(FeishuUrl))]
    [InlineData(typeof(FeishuApiCall))]
    [InlineData(typeof(FeishuPathAttribute))]
    [InlineData(typeof(FeishuQueryAttribute))]
    [InlineData(typeof(FeishuFormPartAttribute))]
    public void Plumbing_types_are_hidden_from_completion(Type type)
        => Assert.Equal(EditorBrowsableState.Never, type.GetCustomAttribute<EditorBrowsableAttribute>()?.State);

    [Fact]
    public void The_token_fetch_counter_for_tests_is_hidden_from_completion()
        => Assert.Equal(EditorBrowsableState.Never, typeof(FeishuClient).GetProperty(nameof(FeishuClient.TokenFetchCount))!.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
}
