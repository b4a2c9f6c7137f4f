using Campaigns.Data;

namespace Campaigns.Plugins.Segmentation.Rules;

/// <summary>
/// Walks the tree for every profile, boxing each value: the reference semantics the compiled delegate must match, and
/// the baseline of <c>bench segment</c>. Campaigns use the compiled form.
/// </summary>
internal static class RuleInterpreter
{
    public static bool Matches(Node root, CustomerProfile profile, IReadOnlyDictionary<string, string> attributes) =>
        (bool)Eval(root, profile, attributes);

    private static object Eval(Node node, CustomerProfile p, IReadOnlyDictionary<string, string> a) => node switch
    {
        NumberNode n => n.Value,
        StringNode s => s.Value,
        BoolNode b => b.Value,
        FieldNode f => ProfileFields.Compiled[f.Name](p),
        CallNode c => RuleFunctions.Call(p, a, c.Name, RuleFunctions.Normalise(c.Name, c.Argument)),
        UnaryNode { Operator: "not" } u => !(bool)Eval(u.Operand, p, a),
        UnaryNode u => -(double)Eval(u.Operand, p, a),
        BinaryNode { Operator: "and" } b => (bool)Eval(b.Left, p, a) && (bool)Eval(b.Right, p, a),
        BinaryNode { Operator: "or" } b => (bool)Eval(b.Left, p, a) || (bool)Eval(b.Right, p, a),
        BinaryNode b => Binary(b.Operator, Eval(b.Left, p, a), Eval(b.Right, p, a)),
        InNode i => i.Negated != i.Items.Any(item => Same(Eval(i.Value, p, a), Eval(item, p, a))),
        BetweenNode w => (double)Eval(w.Value, p, a) is var v && v >= (double)Eval(w.Low, p, a) && v <= (double)Eval(w.High, p, a),
        _ => throw new RuleException(node.Position, "unsupported expression"),
    };

    private static object Binary(string op, object left, object right) => op switch
    {
        "==" => Same(left, right),
        "!=" => !Same(left, right),
        "+" => (double)left + (double)right,
        "-" => (double)left - (double)right,
        "*" => (double)left * (double)right,
        "/" => (double)left / (double)right,
        "%" => (double)left % (double)right,
        "<" => (double)left < (double)right,
        "<=" => (double)left <= (double)right,
        ">" => (double)left > (double)right,
        _ => (double)left >= (double)right,
    };

    private static bool Same(object left, object right) => left switch
    {
        string s => RuleFunctions.TextEquals(s, (string)right),
        double d => d == (double)right,
        _ => (bool)left == (bool)right,
    };
}
