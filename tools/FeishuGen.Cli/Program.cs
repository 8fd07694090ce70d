using System;
using System.Text;
using FeishuGen.Cli;

// feishugen: Feishu documentation pages outside a build.
//   check <folder or page> [--verbose]   every page's endpoint and method, or why not
//   show <page> [--namespace N]          a page's model and the C# it generates
Console.OutputEncoding = Encoding.UTF8;
if (args.Length < 2 || args[0] is not ("check" or "show"))
{
    Console.Error.WriteLine("usage: feishugen check <folder or page> [--verbose]");
    Console.Error.WriteLine("       feishugen show <page> [--namespace N]");
    return 2;
}

var ns = Array.IndexOf(args, "--namespace") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : "FeishuGen.Api";
return args[0] == "check"
    ? CheckCommand.Run(args[1], Array.IndexOf(args, "--verbose") >= 0)
    : ShowCommand.Run(args[1], ns);
