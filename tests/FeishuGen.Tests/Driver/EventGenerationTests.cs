using System.IO;
using System.Linq;
using FeishuGen.Generator;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>Event pages through the generator driver: the output compiles cleanly, and events and methods never re-emit each other.</summary>
public sealed class EventGenerationTests
{
    private const string EventPath = "/p/specs/receive.md";
    private const string SeedPath = "/p/specs/seed.md";

    private static string EventPage => File.ReadAllText(Path.Combine(Repo.Root, "specs", "消息", "接收消息.md"));

    [Fact]
    public void An_event_page_becomes_a_record_a_type_constant_and_a_typed_registration_that_compile_without_warnings()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Page(EventPath, EventPage), GeneratorHarness.Page(SeedPath, Repo.ReadSeed()));

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var body = output.GetTypeByMetadataName("FeishuGen.Api.Im.Events.ImMessageReceiveV1Event");
        Assert.NotNull(body);
        Assert.Contains(body!.GetMembers(), m => m.Name == "Message");
        Assert.Contains(body.GetMembers(), m => m.Name == "AdditionalProperties");
        var constant = (IFieldSymbol)output.GetTypeByMetadataName("FeishuGen.Api.FeishuEventTypes")!.GetMembers("ImMessageReceiveV1").Single();
        Assert.Equal("im.message.receive_v1", constant.ConstantValue);
        var register = (IMethodSymbol)output.GetTypeByMetadataName("FeishuGen.Api.FeishuEventRegistrations")!.GetMembers("OnImMessageReceiveV1").Single();
        Assert.True(register.IsExtensionMethod);
        Assert.Equal("FeishuGen.Events.FeishuEventDispatcher", register.Parameters[0].Type.ToDisplayString());
        Assert.Contains("FeishuEvent<FeishuGen.Api.Im.Events.ImMessageReceiveV1Event>", register.Parameters[1].Type.ToDisplayString());
    }

    [Fact]
    public void Editing_an_event_page_leaves_the_api_cached_and_editing_an_api_page_leaves_the_events_cached()
    {
        var eventPage = GeneratorHarness.Page(EventPath, EventPage);
        var seedPage = GeneratorHarness.Page(SeedPath, Repo.ReadSeed());
        var driver = GeneratorHarness.Driver(new[] { eventPage, seedPage }).RunGenerators(GeneratorHarness.Compilation());

        var changedEvent = EventPage.Replace("| &nbsp;&nbsp;&nbsp;&nbsp;└ `chat_id` | `string` |", "| &nbsp;&nbsp;&nbsp;&nbsp;└ `chat_id` | `integer` |");
        Assert.NotEqual(EventPage, changedEvent);
        driver = driver.ReplaceAdditionalText(eventPage, GeneratorHarness.Page(EventPath, changedEvent)).RunGenerators(GeneratorHarness.Compilation());
        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(driver, TrackingNames.EventShape));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.Shape), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.Plan), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

        var changedSeed = Repo.ReadSeed().Replace("| result_time | string | 是 |", "| result_time | integer | 是 |");
        driver = driver.ReplaceAdditionalText(seedPage, GeneratorHarness.Page(SeedPath, changedSeed)).RunGenerators(GeneratorHarness.Compilation());
        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(driver, TrackingNames.Shape));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.EventShape), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.EventPlan), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Two_pages_of_one_event_generate_it_once_with_FSG0017()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Page("/p/specs/b.md", EventPage), GeneratorHarness.Page("/p/specs/a.md", EventPage));

        var duplicate = Assert.Single(diagnostics);
        Assert.Equal("FSG0017", duplicate.Id);
        Assert.Equal("/p/specs/b.md", duplicate.Location.GetLineSpan().Path);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
