namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>The top-N most similar items of every item, computed sparsely from co-occurrence.</summary>
internal static class ItemNeighbours
{
    /// <summary>
    /// For each item i, its <paramref name="top"/> most similar other items and their similarities, best first.
    /// <paramref name="customerItems"/> holds each customer's weights; <paramref name="itemCustomers"/> is its transpose.
    /// </summary>
    /// <remarks>
    /// Co-occurrence is accumulated through each customer's item list, so the cost is the sum of squared basket sizes,
    /// not items². Items are independent, so they run in parallel, each thread with its own dense scratch row.
    /// </remarks>
    public static (int[][] Items, double[][] Similarities) Compute(SparseMatrix customerItems, SparseMatrix itemCustomers, bool jaccard, int top, CancellationToken cancellationToken)
    {
        var count = itemCustomers.Rows;
        var norms = new double[count];
        for (var i = 0; i < count; i++)
        {
            var values = itemCustomers.RowValues(i);
            double sum = 0;
            foreach (var v in values) sum += jaccard ? 1 : v * v;
            norms[i] = jaccard ? sum : Math.Sqrt(sum);
        }
        var items = new int[count][];
        var sims = new double[count][];
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, () => new Scratch(count), (i, _, scratch) =>
        {
            var users = itemCustomers.RowIndexes(i);
            var weights = itemCustomers.RowValues(i);
            for (var k = 0; k < users.Length; k++)
            {
                var others = customerItems.RowIndexes(users[k]);
                var otherWeights = customerItems.RowValues(users[k]);
                for (var m = 0; m < others.Length; m++)
                {
                    var j = others[m];
                    if (j == i) continue;
                    if (scratch.Dot[j] == 0) scratch.Touched.Add(j);
                    scratch.Dot[j] += jaccard ? 1 : weights[k] * otherWeights[m];
                }
            }
            (items[i], sims[i]) = Select(scratch, i, norms, jaccard, top);
            return scratch;
        }, _ => { });
        return (items, sims);
    }

    // Keeps the best `top` with a min-heap; ties go to the lower index so the result does not depend on thread timing.
    private static (int[], double[]) Select(Scratch scratch, int i, double[] norms, bool jaccard, int top)
    {
        var heap = scratch.Heap;
        foreach (var j in scratch.Touched)
        {
            var dot = scratch.Dot[j];
            scratch.Dot[j] = 0;
            var sim = jaccard ? dot / (norms[i] + norms[j] - dot) : dot / (norms[i] * norms[j]);
            if (!(sim > 0)) continue;
            heap.Enqueue(j, (sim, -j));
            if (heap.Count > top) heap.Dequeue();
        }
        scratch.Touched.Clear();
        var n = heap.Count;
        var items = new int[n];
        var sims = new double[n];
        for (var k = n - 1; k >= 0; k--)
        {
            heap.TryDequeue(out items[k], out var priority);
            sims[k] = priority.Sim;
        }
        return (items, sims);
    }

    private sealed class Scratch(int count)
    {
        public double[] Dot { get; } = new double[count];
        public List<int> Touched { get; } = [];
        public PriorityQueue<int, (double Sim, int NegIndex)> Heap { get; } = new();
    }
}
