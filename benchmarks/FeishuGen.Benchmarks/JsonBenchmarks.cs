using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using FeishuGen.Benchmarks.Api;
using FeishuGen.Benchmarks.Api.Hire.V1;

namespace FeishuGen.Benchmarks;

/// <summary>
/// A generated request written and read through the generated Utf8Json code, against the same
/// shape through System.Text.Json's reflection serializer (the floor, which NativeAOT cannot use).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks
{
    private static readonly JsonSerializerOptions Reflection = new();

    private readonly UpdateResultEcoBackgroundCheckRequest _generated = new()
    {
        BackgroundCheckId = "6931286400470354183",
        Result = "通过",
        ResultTime = "1660123456789",
        ReportFileList = new[] { new EcoBackgroundCheckReportFile { ReportName = "阶段报告.pdf", ReportUrl = "https://files.example.com/a.pdf", ReportUrlType = 1 } },
    };

    private readonly Poco _poco = new()
    {
        BackgroundCheckId = "6931286400470354183",
        Result = "通过",
        ResultTime = "1660123456789",
        ReportFileList = new() { new PocoFile { ReportName = "阶段报告.pdf", ReportUrl = "https://files.example.com/a.pdf", ReportUrlType = 1 } },
    };

    private string _json = string.Empty;

    [GlobalSetup]
    public void Setup() => _json = FeishuJsonResolver.Serialize(_generated);

    [Benchmark(Baseline = true, Description = "write: STJ reflection")]
    [BenchmarkCategory("write")]
    public string WriteReflection() => JsonSerializer.Serialize(_poco, Reflection);

    [Benchmark(Description = "write: generated")]
    [BenchmarkCategory("write")]
    public string WriteGenerated() => FeishuJsonResolver.Serialize(_generated);

    private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>What the client does: the generated writer straight into a UTF-8 buffer, no string.</summary>
    [Benchmark(Description = "write: generated, client path")]
    [BenchmarkCategory("write")]
    public int WriteClientPath()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        FeishuGen.Benchmarks.Api.Hire.V1.FeishuJsonCodec.UpdateResultEcoBackgroundCheckRequest.Write(writer, _generated);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>The floor for the client path: STJ reflection into the same buffer.</summary>
    [Benchmark(Description = "write: STJ reflection, same buffer")]
    [BenchmarkCategory("write")]
    public int WriteReflectionBuffer()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _poco, Reflection);
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "read: STJ reflection")]
    [BenchmarkCategory("read")]
    public Poco? ReadReflection() => JsonSerializer.Deserialize<Poco>(_json, Reflection);

    [Benchmark(Description = "read: generated")]
    [BenchmarkCategory("read")]
    public UpdateResultEcoBackgroundCheckRequest? ReadGenerated() => FeishuJsonResolver.Deserialize<UpdateResultEcoBackgroundCheckRequest>(_json);

    public sealed class Poco
    {
        [JsonPropertyName("background_check_id")]
        public string? BackgroundCheckId { get; set; }

        [JsonPropertyName("result")]
        public string? Result { get; set; }

        [JsonPropertyName("result_time")]
        public string? ResultTime { get; set; }

        [JsonPropertyName("report_file_list")]
        public List<PocoFile>? ReportFileList { get; set; }
    }

    public sealed class PocoFile
    {
        [JsonPropertyName("report_name")]
        public string? ReportName { get; set; }

        [JsonPropertyName("report_url")]
        public string? ReportUrl { get; set; }

        [JsonPropertyName("report_url_type")]
        public long? ReportUrlType { get; set; }
    }
}
