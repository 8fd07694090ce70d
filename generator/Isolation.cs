using System;
using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator;

/// <summary>
/// Keeps one page's failure from costing the others, at every stage: no exception ever leaves
/// the generator. A page that cannot be read gets FSG0011; one whose shaping, planning or printing
/// fails gets FSG0013 at its file and is left out while every other page is generated; only a
/// failure that no single page explains leaves the project without code (FSG0013 without a file).
/// The FSG0011 and FSG0013 texts are written here and nowhere else.
/// </summary>
internal static class Isolation
{
    /// <summary>FSG0013 for one page, which is left out while the others are generated.</summary>
    public static DiagnosticInfo PageFailure(string specPath, Exception e)
        => DiagnosticCollector.Make(DiagnosticDescriptors.GenerationFailure, Place.Page(specPath), "this page (its method is left out; the other pages are generated)", Describe(e));

    /// <summary>FSG0013 for the project, when no single page explains the failure.</summary>
    public static DiagnosticInfo ProjectFailure(Exception e, bool events = false)
        => DiagnosticCollector.Make(DiagnosticDescriptors.GenerationFailure, Place.Project,
            events ? "the event pages of this project (no event is generated)" : "the pages of this project (no method is generated)", Describe(e));

    /// <summary>Reads a page; an exception becomes FSG0011 for the page, which yields nothing.</summary>
    public static PageReadResult Read(string filePath, Func<PageReadResult> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = DiagnosticCollector.Make(DiagnosticDescriptors.ReaderFailure, Place.Page(filePath), Describe(e));
            return new PageReadResult(null, new[] { failure }.ToEquatableArray());
        }
    }

    /// <summary>Runs one page's stage; an exception becomes FSG0013 for that page.</summary>
    public static T Page<T>(string specPath, Func<T> run, Func<DiagnosticInfo, T> failed)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return failed(PageFailure(specPath, e));
        }
    }

    /// <summary>
    /// Runs a stage over every page's value; when it fails, each page is run alone to find those that
    /// fail on their own (FSG0013 at their files), and the stage runs again without them. Only a
    /// failure no single page explains gives the project's FSG0013 and <paramref name="empty"/>.
    /// </summary>
    public static TResult Pages<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<IReadOnlyList<TItem>, TResult> run, Func<TItem, string> pathOf, TResult empty, List<DiagnosticInfo> failures, bool events = false)
    {
        try
        {
            return run(items);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var good = new List<TItem>();
            foreach (var item in items)
            {
                try
                {
                    run(new[] { item });
                    good.Add(item);
                }
                catch (Exception pageError) when (pageError is not OperationCanceledException)
                {
                    failures.Add(PageFailure(pathOf(item), pageError));
                }
            }

            try
            {
                if (failures.Count == 0)
                {
                    throw;
                }

                return good.Count == 0 ? empty : run(good);
            }
            catch (Exception rest) when (rest is not OperationCanceledException)
            {
                failures.Add(ProjectFailure(rest, events));
                return empty;
            }
        }
    }

    /// <summary>
    /// Prints one file; a failure becomes FSG0013 at the pages it comes from (the project's, for a
    /// shared file) and the file is left out.
    /// </summary>
    public static (string? Text, EquatableArray<DiagnosticInfo> Failures) Print(IReadOnlyList<string> pages, Func<string> print)
    {
        try
        {
            return (print(), EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failures = pages.Count == 0 ? new[] { ProjectFailure(e) } : pages.Select(page => PageFailure(page, e)).ToArray();
            return (null, failures.ToEquatableArray());
        }
    }

    private static string Describe(Exception e) => e.GetType().Name + ": " + e.Message;
}
