namespace Campaigns.Plugins.Segmentation.Rules;

/// <summary>The syntax tree of a rule. Every node keeps the 1-based position it starts at, for error messages.</summary>
internal abstract record Node(int Position);

internal sealed record NumberNode(int Position, double Value) : Node(Position);

internal sealed record StringNode(int Position, string Value) : Node(Position);

internal sealed record BoolNode(int Position, bool Value) : Node(Position);

/// <summary>A profile field such as <c>orders_90d</c>.</summary>
internal sealed record FieldNode(int Position, string Name) : Node(Position);

/// <summary>A function with one text argument: <c>affinity("KITCHEN")</c>, <c>attr("tier")</c>.</summary>
internal sealed record CallNode(int Position, string Name, string Argument) : Node(Position);

internal sealed record UnaryNode(int Position, string Operator, Node Operand) : Node(Position);

/// <summary>Arithmetic, comparison, <c>and</c>, <c>or</c>.</summary>
internal sealed record BinaryNode(int Position, string Operator, Node Left, Node Right) : Node(Position);

/// <summary><c>x in [a, b]</c> (or <c>not in</c>); the list holds literals only.</summary>
internal sealed record InNode(int Position, Node Value, IReadOnlyList<Node> Items, bool Negated) : Node(Position);

/// <summary><c>x between low and high</c>, both ends included.</summary>
internal sealed record BetweenNode(int Position, Node Value, Node Low, Node High) : Node(Position);
