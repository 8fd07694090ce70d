using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FeishuGen.Generator.Json;

/// <summary>
/// Reads the JSON examples of documentation pages, which are not always strict JSON: it accepts
/// // and /* */ comments and trailing commas, keeps invalid escapes literally, and reads only the
/// first of several documents. Anything else is reported as an error with its offset, never thrown.
/// </summary>
internal sealed class LenientJsonParser
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _pos;

    private LenientJsonParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on failure returns null and says why in <paramref name="error"/>.</summary>
    public static JsonValue? TryParse(string text, out string? error) => TryParse(text, out error, out _, out _);

    /// <summary>Parses <paramref name="text"/>; on failure also gives the 0-based line and column where it stopped.</summary>
    public static JsonValue? TryParse(string text, out string? error, out int errorLine, out int errorColumn)
    {
        var parser = new LenientJsonParser(text);
        errorLine = errorColumn = 0;
        try
        {
            parser.SkipTrivia();
            var value = parser.ParseValue(0);
            error = null;
            return value;
        }
        catch (JsonSyntaxException e)
        {
            error = e.Message;
            (errorLine, errorColumn) = parser.Position();
            return null;
        }
    }

    private (int Line, int Column) Position()
    {
        int line = 0, column = 0;
        for (var i = 0; i < _pos && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                column = 0;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private JsonValue ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Fail("nesting deeper than " + MaxDepth);
        }

        SkipTrivia();
        if (_pos >= _text.Length)
        {
            throw Fail("unexpected end of text");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                return JsonValue.String(ParseString());
            case 't':
                ExpectWord("true");
                return JsonValue.Bool(true);
            case 'f':
                ExpectWord("false");
                return JsonValue.Bool(false);
            case 'n':
                ExpectWord("null");
                return JsonValue.Null;
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return JsonValue.Number(ParseNumber());
                }

                throw Fail($"unexpected character '{c}'");
        }
    }

    private JsonValue ParseObject(int depth)
    {
        _pos++;
        var members = new List<KeyValuePair<string, JsonValue>>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == '}')
            {
                _pos++;
                return JsonValue.Object(members);
            }

            if (Peek() != '"')
            {
                throw Fail("expected a property name in quotes");
            }

            var key = ParseString();
            SkipTrivia();
            if (Peek() != ':')
            {
                throw Fail("expected ':' after property name");
            }

            _pos++;
            members.Add(new KeyValuePair<string, JsonValue>(key, ParseValue(depth + 1)));
            SkipTrivia();
            var next = Peek();
            if (next == ',')
            {
                _pos++;
            }
            else if (next != '}')
            {
                throw Fail("expected ',' or '}' in object");
            }
        }
    }

    private JsonValue ParseArray(int depth)
    {
        _pos++;
        var items = new List<JsonValue>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == ']')
            {
                _pos++;
                return JsonValue.Array(items);
            }

            items.Add(ParseValue(depth + 1));
            SkipTrivia();
            var next = Peek();
            if (next == ',')
            {
                _pos++;
            }
            else if (next != ']')
            {
                throw Fail("expected ',' or ']' in array");
            }
        }
    }

    private string ParseString()
    {
        _pos++;

        // Most strings of an example have no escape: the text up to the closing quote, as it stands.
        var end = _text.IndexOfAny(QuoteOrEscape, _pos);
        if (end >= 0 && _text[end] == '"')
        {
            var plain = _text.Substring(_pos, end - _pos);
            _pos = end + 1;
            return plain;
        }

        var builder = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                break;
            }

            var e = _text[_pos++];
            switch (e)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when _pos + 4 <= _text.Length
                    && int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    // Pages write things like "\d" in regex examples: keep them as written.
                    builder.Append('\\').Append(e);
                    break;
            }
        }

        throw Fail("unterminated string");
    }

    private static readonly char[] QuoteOrEscape = { '"', '\\' };

    private string ParseNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        while (_pos < _text.Length && "0123456789.eE+-".IndexOf(_text[_pos]) >= 0)
        {
            _pos++;
        }

        var text = _text.Substring(start, _pos - start);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw Fail($"invalid number '{text}'");
        }

        return text;
    }

    private void ExpectWord(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
        {
            throw Fail($"expected '{word}'");
        }

        _pos += word.Length;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                var end = _text.IndexOf("*/", _pos + 2, System.StringComparison.Ordinal);
                _pos = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private JsonSyntaxException Fail(string message)
    {
        var line = 1;
        for (var i = 0; i < _pos && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
            }
        }

        return new JsonSyntaxException($"{message} at line {line} of the example");
    }

    private sealed class JsonSyntaxException : System.Exception
    {
        public JsonSyntaxException(string message) : base(message)
        {
        }
    }
}
