using System.Linq;
using FeishuGen.Bots;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Bots;

/// <summary>Every content example of the content pages in ../shared (all three forms, read at test time) reads into its typed record and writes back the same JSON.</summary>
public sealed class ContentRoundTripTests
{
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in ContentPageExamples.Forms)
        {
            data.Add(form, "send");
            data.Add(form, "receive");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_example_on_the_content_page_round_trips_through_its_typed_content(string form, string page)
    {
        var path = page == "send" ? ContentPageExamples.SendPage(form) : ContentPageExamples.ReceivePage(form);
        var (examples, types, _) = ContentPageExamples.Read(Repo.SharedPage(form, path));
        var expected = page == "send" ? ContentPageExamples.SentTypes : ContentPageExamples.ReceivedTypes;

        // The page names every type this library types, and each has at least one example that round-trips.
        Assert.Empty(expected.Except(types));
        foreach (var (type, content) in examples)
        {
            var typed = MessageContent.Parse(type, content);
            Assert.False(typed is UnknownContent, $"{form} {page}: {type} was not typed: {content}");
            Assert.Equal(type, typed.MessageType);

            // Every member the page shows lands in a typed property, not among the unknown ones.
            Assert.True(typed.AdditionalProperties is null, $"{form} {page} {type}: untyped members {typed.AdditionalProperties?.ToJsonString()}");
            var written = typed.ToJson();
            Assert.True(ContentPageExamples.SameJson(content, written), $"{form} {page} {type}:\n{content}\n!=\n{written}");
        }

        var covered = examples.Select(e => e.Type).ToHashSet();
        Assert.Empty(expected.Except(covered));
    }
}
