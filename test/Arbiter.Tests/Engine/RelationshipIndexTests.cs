using Arbiter.Engine;

namespace Arbiter.Tests.Engine;

public class RelationshipIndexTests
{
    [Fact]
    public void TryApply_RandomWritesAndDeletes_MatchASetAndKeepOlderRevisionsIntact()
    {
        var random = new Random(42);
        var index = RelationshipIndex.Empty;
        var expected = new HashSet<(long Key, int Entity, int Relation)>();
        var history = new List<(RelationshipIndex Index, HashSet<(long, int, int)> Expected)>();
        for (var round = 0; round < 200; round++)
        {
            var batch = round == 0 ? 5000 : random.Next(1, 40);
            var added = new List<KeyedEntry>();
            var removed = new List<KeyedEntry>();
            var touched = new HashSet<(long, int, int)>();
            for (var i = 0; i < batch; i++)
            {
                // objects spread over several chunks and pages, and two hot keys that outgrow IndexChunk.LargeKey and shrink again
                var hot = random.Next(0, 4) == 0;
                var obj = hot ? 33 + random.Next(0, 2) : random.Next(0, 3) == 0 ? random.Next(0, 70_000) : random.Next(0, 600);
                var key = RelationshipIndex.Key(obj, hot ? 1 : random.Next(0, 4));
                var relation = random.Next(0, 5) switch { 0 => SubjectKind.Wildcard, 1 => 2, _ => SubjectKind.Plain };
                var subject = (key, random.Next(0, hot ? 400 : 50), relation);
                if (!touched.Add(subject))
                {
                    continue;
                }
                var entry = new KeyedEntry(key, new SubjectEntry(subject.Item2, relation, random.Next(0, 4) == 0 ? 7 : -1));
                if (expected.Contains(subject))
                {
                    removed.Add(entry);
                }
                else
                {
                    added.Add(entry);
                }
            }
            if (round == 100)
            {
                // shrink a hot key back below the large-key size
                var hotKey = RelationshipIndex.Key(33, 1);
                foreach (var e in expected.Where(e => e.Key == hotKey && !touched.Contains(e)).Skip(10))
                {
                    removed.Add(new KeyedEntry(e.Key, new SubjectEntry(e.Entity, e.Relation, -1)));
                }
            }
            index.TryApply(index.Revision + 1, added.ToArray(), removed.ToArray(), out var next, out _).ShouldBeTrue();
            foreach (var e in removed)
            {
                expected.Remove((e.Key, e.Entry.Entity, e.Entry.Relation));
            }
            foreach (var e in added)
            {
                expected.Add((e.Key, e.Entry.Entity, e.Entry.Relation));
            }
            index = next;
            history.Add((index, [.. expected]));
        }

        var hotCounts = history.Select(h => h.Index.Get(RelationshipIndex.Key(33, 1)).Count).ToList();
        hotCounts.Max().ShouldBeGreaterThanOrEqualTo(IndexChunk.LargeKey, string.Join(",", hotCounts));
        hotCounts.Min().ShouldBeLessThan(IndexChunk.LargeKey);
        foreach (var (revision, set) in history.Where((_, i) => i % 20 == 0 || i == history.Count - 1))
        {
            var contents = Contents(revision);
            contents.Count.ShouldBe(set.Count);
            set.SetEquals(contents).ShouldBeTrue();
            revision.Count.ShouldBe(set.Count);
            foreach (var (key, entity, relation) in set)
            {
                var list = revision.Get(key);
                list.Find(entity, relation).ShouldBeGreaterThanOrEqualTo(0);
            }
        }
    }

    [Fact]
    public void TryApply_DuplicateInOneWrite_ReportsItAndChangesNothing()
    {
        var entry = new KeyedEntry(RelationshipIndex.Key(3, 1), new SubjectEntry(9, SubjectKind.Plain, -1));
        var withCondition = entry with { Entry = entry.Entry with { Condition = 2 } };

        RelationshipIndex.Empty.TryApply(1, new[] { entry, withCondition }, [], out var next, out var duplicate).ShouldBeFalse();

        next.ShouldBeSameAs(RelationshipIndex.Empty);
        duplicate.Key.ShouldBe(entry.Key);
    }

    [Fact]
    public void TryApply_DeletingTheLastTupleOfAChunk_LeavesItEmpty()
    {
        var entry = new KeyedEntry(RelationshipIndex.Key(1000, 1), new SubjectEntry(9, SubjectKind.Plain, -1));
        RelationshipIndex.Empty.TryApply(1, new[] { entry }, [], out var one, out _).ShouldBeTrue();

        one.TryApply(2, [], new[] { entry }, out var none, out _).ShouldBeTrue();

        none.Count.ShouldBe(0);
        none.Get(entry.Key).Count.ShouldBe(0);
        Contents(none).ShouldBeEmpty();
        one.Get(entry.Key).Count.ShouldBe(1);
    }

    [Fact]
    public void Get_NegativeOrUnknownEntity_IsEmpty()
    {
        var entry = new KeyedEntry(RelationshipIndex.Key(5, 1), new SubjectEntry(9, SubjectKind.Plain, -1));
        RelationshipIndex.Empty.TryApply(1, new[] { entry }, [], out var index, out _).ShouldBeTrue();

        index.Get(RelationshipIndex.Key(-2, 1)).Count.ShouldBe(0);
        index.Get(RelationshipIndex.Key(5, 2)).Count.ShouldBe(0);
        index.Get(RelationshipIndex.Key(1 << 24, 1)).Count.ShouldBe(0);
    }

    private static List<(long, int, int)> Contents(RelationshipIndex index)
    {
        var result = new List<(long, int, int)>();
        index.ForEach(result, static (r, key, list) =>
        {
            foreach (var e in list.All)
            {
                r.Add((key, e.Entity, e.Relation));
            }
        });
        return result;
    }
}
