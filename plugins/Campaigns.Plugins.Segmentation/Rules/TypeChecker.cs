namespace Campaigns.Plugins.Segmentation.Rules;

/// <summary>
/// Checks names and types before anything runs: unknown fields and functions (with the nearest known name), text
/// compared with a number, arithmetic on text, a condition that is not true/false. Also records which fields the rule
/// reads, for previews, and whether it needs customer attributes.
/// </summary>
internal sealed class TypeChecker
{
    public SortedSet<string> Fields { get; } = new(StringComparer.Ordinal);

    public bool UsesAttributes { get; private set; }

    public static TypeChecker CheckCondition(Node root)
    {
        var checker = new TypeChecker();
        var type = checker.Check(root);
        if (type != RuleType.Boolean) throw new RuleException(root.Position, $"the rule must be a condition (true/false), but this is {type.Name()}");
        return checker;
    }

    private RuleType Check(Node node) => node switch
    {
        NumberNode => RuleType.Number,
        StringNode => RuleType.Text,
        BoolNode => RuleType.Boolean,
        FieldNode f => Field(f),
        CallNode c => Call(c),
        UnaryNode { Operator: "not" } u => Expect(u.Operand, RuleType.Boolean, "'not'"),
        UnaryNode u => Expect(u.Operand, RuleType.Number, "'-'"),
        BinaryNode { Operator: "and" or "or" } b => Both(b, RuleType.Boolean, RuleType.Boolean),
        BinaryNode { Operator: "+" or "-" or "*" or "/" or "%" } b => Both(b, RuleType.Number, RuleType.Number),
        BinaryNode { Operator: "==" or "!=" } b => Same(b.Left, b.Right, b.Operator),
        BinaryNode b => Both(b, RuleType.Number, RuleType.Boolean),
        InNode i => In(i),
        BetweenNode w => Between(w),
        _ => throw new RuleException(node.Position, "unsupported expression"),
    };

    private RuleType Field(FieldNode f)
    {
        if (ProfileFields.Numbers.ContainsKey(f.Name)) { Fields.Add(f.Name); return RuleType.Number; }
        var known = ProfileFields.Functions.ContainsKey(f.Name) ? $" ('{f.Name}' is a function: write {f.Name}(\"...\"))" : Suggest(f.Name, ProfileFields.Numbers.Keys);
        throw new RuleException(f.Position, $"unknown field '{f.Name}'{known}");
    }

    private RuleType Call(CallNode c)
    {
        if (!ProfileFields.Functions.TryGetValue(c.Name, out var type))
            throw new RuleException(c.Position, $"unknown function '{c.Name}'{Suggest(c.Name, ProfileFields.Functions.Keys)}");
        if (c.Name == "attr") UsesAttributes = true;
        else Fields.Add($"{c.Name}(\"{c.Argument}\")");
        return type;
    }

    private RuleType Expect(Node operand, RuleType wanted, string what)
    {
        var type = Check(operand);
        if (type != wanted) throw new RuleException(operand.Position, $"{what} needs {wanted.Name()}, but this is {type.Name()}");
        return wanted;
    }

    private RuleType Both(BinaryNode b, RuleType operands, RuleType result)
    {
        Expect(b.Left, operands, $"'{b.Operator}'");
        Expect(b.Right, operands, $"'{b.Operator}'");
        return result;
    }

    private RuleType Same(Node left, Node right, string op)
    {
        var type = Check(left);
        var other = Check(right);
        if (type != other) throw new RuleException(right.Position, $"'{op}' compares {type.Name()} with {other.Name()}");
        return RuleType.Boolean;
    }

    private RuleType In(InNode i)
    {
        foreach (var item in i.Items) Same(i.Value, item, "in");
        return RuleType.Boolean;
    }

    private RuleType Between(BetweenNode w)
    {
        Expect(w.Value, RuleType.Number, "'between'");
        Expect(w.Low, RuleType.Number, "'between'");
        Expect(w.High, RuleType.Number, "'between'");
        return RuleType.Boolean;
    }

    private static string Suggest(string name, IEnumerable<string> known) =>
        ProfileFields.Nearest(name, known) is { } near ? $" (did you mean '{near}'?)" : "";
}
