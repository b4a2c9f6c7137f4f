using System.Globalization;
using System.Text;

namespace Campaigns.Plugins.Segmentation.Rules;

/// <summary>Splits an expression into tokens. Strings take single or double quotes; a backslash escapes the next character.</summary>
internal static class Lexer
{
    private static readonly string[] Operators = [">=", "<=", "==", "!=", "<>", "&&", "||", ">", "<", "=", "+", "-", "*", "/", "%", "(", ")", "[", "]", ","];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var at = i + 1;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                if (!double.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    throw new RuleException(at, $"'{text[start..i]}' is not a number");
                tokens.Add(new Token(TokenKind.Number, text[start..i], at, number));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Identifier, text[start..i].ToLowerInvariant(), at));
            }
            else if (c is '"' or '\'')
            {
                i = ReadString(text, i, out var value);
                tokens.Add(new Token(TokenKind.String, value, at));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw new RuleException(at, $"unexpected character '{c}'");
                if (op is "&&" or "||") throw new RuleException(at, $"write '{(op == "&&" ? "and" : "or")}' instead of '{op}'");
                tokens.Add(new Token(TokenKind.Operator, op, at));
                i += op.Length;
            }
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
        return tokens;
    }

    private static int ReadString(string text, int open, out string value)
    {
        var quote = text[open];
        var builder = new StringBuilder();
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length) { builder.Append(text[++i]); continue; }
            if (text[i] == quote) { value = builder.ToString(); return i + 1; }
            builder.Append(text[i]);
        }
        throw new RuleException(open + 1, "this string is never closed");
    }
}
