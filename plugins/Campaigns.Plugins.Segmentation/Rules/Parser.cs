namespace Campaigns.Plugins.Segmentation.Rules;

/// <summary>
/// Recursive descent over the precedence levels (loosest first): <c>or</c>, <c>and</c>, <c>not</c>, comparison
/// (<c>== != &lt; &lt;= &gt; &gt;= in between</c>), <c>+ -</c>, <c>* / %</c>, unary minus, then literals, fields, calls
/// and parentheses. It only builds a tree; names and types are checked by <see cref="TypeChecker"/>.
/// </summary>
internal sealed class Parser
{
    private static readonly HashSet<string> Comparisons = ["==", "=", "!=", "<>", "<", "<=", ">", ">="];
    private readonly List<Token> _tokens;
    private int _next;

    private Parser(string text) => _tokens = Lexer.Tokenize(text);

    public static Node Parse(string text)
    {
        var parser = new Parser(text);
        if (parser.Peek.Kind == TokenKind.End) throw new RuleException(1, "the expression is empty");
        var node = parser.Or();
        if (parser.Peek.Kind != TokenKind.End) throw parser.Unexpected("'and', 'or' or the end");
        return node;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private bool Accept(string text)
    {
        if (!Peek.Is(text)) return false;
        _next++;
        return true;
    }

    private Token Expect(string text) => Peek.Is(text) ? Take() : throw Unexpected($"'{text}'");

    private RuleException Unexpected(string wanted) =>
        new(Peek.Position, Peek.Kind == TokenKind.End ? $"expected {wanted} but the expression ends" : $"expected {wanted}, found '{Peek.Text}'");

    private Node Or()
    {
        var left = And();
        while (Peek.Is("or")) left = new BinaryNode(Take().Position, "or", left, And());
        return left;
    }

    private Node And()
    {
        var left = Not();
        while (Peek.Is("and")) left = new BinaryNode(Take().Position, "and", left, Not());
        return left;
    }

    private Node Not() => Peek.Is("not") ? new UnaryNode(Take().Position, "not", Not()) : Comparison();

    private Node Comparison()
    {
        var left = Additive();
        if (Peek.Kind == TokenKind.Operator && Comparisons.Contains(Peek.Text))
        {
            var op = Take();
            var normal = op.Text switch { "=" => "==", "<>" => "!=", _ => op.Text };
            return new BinaryNode(op.Position, normal, left, Additive());
        }
        if (Peek.Is("between"))
        {
            var at = Take().Position;
            var low = Additive();
            Expect("and");
            return new BetweenNode(at, left, low, Additive());
        }
        var negated = Peek.Is("not") && _tokens[_next + 1].Is("in");
        if (negated) Take();
        if (Peek.Is("in")) return new InNode(Take().Position, left, List(), negated);
        return left;
    }

    private List<Node> List()
    {
        Expect("[");
        var items = new List<Node>();
        do
        {
            var item = Unary();
            if (item is not (NumberNode or StringNode or BoolNode)) throw new RuleException(item.Position, "a list after 'in' holds numbers, strings or booleans only");
            items.Add(item);
        } while (Accept(","));
        Expect("]");
        return items;
    }

    private Node Additive()
    {
        var left = Multiplicative();
        while (Peek.Is("+") || Peek.Is("-")) { var op = Take(); left = new BinaryNode(op.Position, op.Text, left, Multiplicative()); }
        return left;
    }

    private Node Multiplicative()
    {
        var left = Unary();
        while (Peek.Is("*") || Peek.Is("/") || Peek.Is("%")) { var op = Take(); left = new BinaryNode(op.Position, op.Text, left, Unary()); }
        return left;
    }

    private Node Unary()
    {
        if (!Peek.Is("-")) return Primary();
        var at = Take().Position;
        var operand = Unary();
        return operand is NumberNode n ? new NumberNode(at, -n.Value) : new UnaryNode(at, "-", operand);
    }

    private Node Primary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number: Take(); return new NumberNode(token.Position, token.Number);
            case TokenKind.String: Take(); return new StringNode(token.Position, token.Text);
            case TokenKind.Identifier when token.Text is "true" or "false": Take(); return new BoolNode(token.Position, token.Text == "true");
            case TokenKind.Identifier when token.Text is "and" or "or" or "not" or "in" or "between": throw Unexpected("a value");
            case TokenKind.Identifier:
                Take();
                if (!Accept("(")) return new FieldNode(token.Position, token.Text);
                var argument = Peek.Kind == TokenKind.String ? Take().Text : throw Unexpected($"a quoted text argument to {token.Text}(...)");
                Expect(")");
                return new CallNode(token.Position, token.Text, argument);
            default:
                if (!Accept("(")) throw Unexpected("a value");
                var inner = Or();
                Expect(")");
                return inner;
        }
    }
}
