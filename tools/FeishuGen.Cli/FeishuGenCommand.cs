using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Cli;

/// <summary>
/// The <c>feishugen</c> command line: <c>add</c> fetches pages from the docs portal into specs/,
/// <c>update</c> fetches them again and says what changed in the API, <c>check</c> lists what every
/// page becomes, <c>show</c> prints a page's model and generated C#. Every form of page is read.
/// </summary>
public static class FeishuGenCommand
{
    /// <summary>The tool's command name, as installed (<c>dotnet tool install FeishuGen.Cli</c>) and as help shows it.</summary>
    public const string ToolName = "feishugen";

    /// <summary>The docs portal that serves pages to programs.</summary>
    public static readonly Uri DefaultPortal = new("https://open.feishu.cn");

    /// <summary>The Lark (international) docs portal, for <c>--lark</c>.</summary>
    public static readonly Uri LarkPortal = new("https://open.larksuite.com");

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var portal = new Option<Uri?>("--portal")
        {
            Description = "The docs portal's base address (its document API serves the pages); by default open.feishu.cn, or open.larksuite.com with --lark.",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--portal must be an http(s) address such as {DefaultPortal}, not '{text}'");
                return null;
            },
            Recursive = true,
        };
        var lark = new Option<bool>("--lark") { Description = "Use the Lark (international) portal, open.larksuite.com, and write its front matter (full_path, source_url, updated_at).", Recursive = true };
        var specs = new Option<DirectoryInfo>("--specs") { Description = "The folder of pages.", DefaultValueFactory = _ => new DirectoryInfo("specs"), Recursive = true };

        var pages = new Argument<string[]>("pages") { Description = "Doc URLs (https://open.feishu.cn/document/…, https://open.larksuite.com/document/…) or fullPaths (/ukTMukTMukTM/…/hire-v1/eco_exam/update_result).", Arity = ArgumentArity.OneOrMore };
        var add = new Command("add", "Fetch pages from the docs portal and write them under specs/ by their path, with front matter.") { pages };
        add.SetAction((result, ct) => PortalCommands.AddAsync(result.GetValue(pages)!, result.GetValue(specs)!, new DocsPortal(result.GetValue(portal), result.GetValue(lark)), output, error, ct));

        var update = new Command("update", "Fetch every page in specs/ that has a fullPath (or a Lark full_path) again, from the portal it came from, and print what changed in the API.");
        update.SetAction((result, ct) => PortalCommands.UpdateAsync(result.GetValue(specs)!, new DocsPortal(result.GetValue(portal), result.GetValue(lark)), output, error, ct));

        var target = new Argument<string>("target") { Description = "A folder of pages, or one page." };
        var verbose = new Option<bool>("--verbose") { Description = "Also list informational diagnostics and non-API pages." };
        var check = new Command("check", "List what every page becomes (endpoint and C# method), or why not. Exits 1 when a page gets a warning.") { target, verbose };
        check.SetAction(result => CheckCommand.Run(result.GetValue(target)!, result.GetValue(verbose), output));

        var page = new Argument<string>("page") { Description = "A page." };
        var ns = new Option<string>("--namespace") { Description = "The namespace of the generated code.", DefaultValueFactory = _ => "FeishuGen.Api" };
        var show = new Command("show", "Print a page's model and the C# it generates.") { page, ns };
        show.SetAction(result => ShowCommand.Run(result.GetValue(page)!, result.GetValue(ns)!, output, error));

        // A RootCommand takes the executable's name (FeishuGen.Cli under dotnet run); help and usage say the tool's.
        var root = new Command(ToolName, "feishugen: Feishu documentation pages into typed .NET clients.") { new HelpOption(), new VersionOption(), portal, lark, specs, add, update, check, show };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }
}
