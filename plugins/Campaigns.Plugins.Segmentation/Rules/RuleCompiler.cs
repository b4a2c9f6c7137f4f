using System.Linq.Expressions;
using System.Reflection;
using Campaigns.Data;

namespace Campaigns.Plugins.Segmentation.Rules;

/// <summary>
/// Turns a checked tree into a delegate over (profile, attributes) with System.Linq.Expressions. The tree can only
/// hold the nodes the parser makes, the fields of <see cref="ProfileFields"/> and the methods of
/// <see cref="RuleFunctions"/>: no member, type or SQL is ever reached by name from the marketer's text.
/// </summary>
internal sealed class RuleCompiler
{
    private readonly ParameterExpression _profile = Expression.Parameter(typeof(CustomerProfile), "profile");
    private readonly ParameterExpression _attributes = Expression.Parameter(typeof(IReadOnlyDictionary<string, string>), "attributes");

    public static Func<CustomerProfile, IReadOnlyDictionary<string, string>, bool> Compile(Node root)
    {
        var compiler = new RuleCompiler();
        return Expression.Lambda<Func<CustomerProfile, IReadOnlyDictionary<string, string>, bool>>(
            compiler.Build(root), compiler._profile, compiler._attributes).Compile();
    }

    private Expression Build(Node node) => node switch
    {
        NumberNode n => Expression.Constant(n.Value),
        StringNode s => Expression.Constant(s.Value),
        BoolNode b => Expression.Constant(b.Value),
        FieldNode f => Expression.Invoke(ProfileFields.Numbers[f.Name], _profile),
        CallNode c => Call(c),
        UnaryNode { Operator: "not" } u => Expression.Not(Build(u.Operand)),
        UnaryNode u => Expression.Negate(Build(u.Operand)),
        BinaryNode b => Binary(b.Operator, Build(b.Left), Build(b.Right)),
        InNode i => In(i),
        BetweenNode w => Between(w),
        _ => throw new RuleException(node.Position, "unsupported expression"),
    };

    private Expression Call(CallNode c)
    {
        var key = Expression.Constant(RuleFunctions.Normalise(c.Name, c.Argument));
        if (c.Name == "attr") return Expression.Call(Method(nameof(RuleFunctions.Attr)), _attributes, key);
        var name = c.Name switch
        {
            "affinity" => nameof(RuleFunctions.Affinity),
            "brand_affinity" => nameof(RuleFunctions.BrandAffinity),
            "open_rate" => nameof(RuleFunctions.OpenRate),
            "click_rate" => nameof(RuleFunctions.ClickRate),
            "sent" => nameof(RuleFunctions.Sent),
            _ => nameof(RuleFunctions.HasTag),
        };
        return Expression.Call(Method(name), _profile, key);
    }

    private static Expression Binary(string op, Expression left, Expression right) => op switch
    {
        "and" => Expression.AndAlso(left, right),
        "or" => Expression.OrElse(left, right),
        "+" => Expression.Add(left, right),
        "-" => Expression.Subtract(left, right),
        "*" => Expression.Multiply(left, right),
        "/" => Expression.Divide(left, right),
        "%" => Expression.Modulo(left, right),
        "<" => Expression.LessThan(left, right),
        "<=" => Expression.LessThanOrEqual(left, right),
        ">" => Expression.GreaterThan(left, right),
        ">=" => Expression.GreaterThanOrEqual(left, right),
        "==" => Equal(left, right),
        _ => Expression.Not(Equal(left, right)),
    };

    // Text compares without regard to case: "Gold" and "gold" are the same tier to a marketer.
    private static Expression Equal(Expression left, Expression right) => left.Type == typeof(string)
        ? Expression.Call(Method(nameof(RuleFunctions.TextEquals)), left, right)
        : Expression.Equal(left, right);

    private Expression In(InNode i)
    {
        var value = Expression.Variable(Build(i.Value).Type, "value");
        Expression any = Expression.Constant(false);
        foreach (var item in i.Items) any = Expression.OrElse(any, Equal(value, Build(item)));
        Expression test = i.Negated ? Expression.Not(any) : any;
        return Expression.Block([value], Expression.Assign(value, Build(i.Value)), test);
    }

    private Expression Between(BetweenNode w)
    {
        var value = Expression.Variable(typeof(double), "value");
        return Expression.Block([value], Expression.Assign(value, Build(w.Value)),
            Expression.AndAlso(Expression.GreaterThanOrEqual(value, Build(w.Low)), Expression.LessThanOrEqual(value, Build(w.High))));
    }

    private static MethodInfo Method(string name) => typeof(RuleFunctions).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
}
