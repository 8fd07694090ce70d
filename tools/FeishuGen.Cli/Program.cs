using System;
using System.Text;
using FeishuGen.Cli;

// feishugen: Feishu documentation pages outside a build (see FeishuGenCommand for the commands).
Console.OutputEncoding = Encoding.UTF8;
return await FeishuGenCommand.RunAsync(args, Console.Out, Console.Error);
