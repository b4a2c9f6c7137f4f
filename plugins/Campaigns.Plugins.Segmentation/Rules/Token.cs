namespace Campaigns.Plugins.Segmentation.Rules;

internal enum TokenKind { Number, String, Identifier, Operator, End }

/// <summary>One token with its 1-based position in the expression.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Number = 0)
{
    public bool Is(string text) => Kind is TokenKind.Operator or TokenKind.Identifier && Text == text;
}
