namespace Arbiter.Conditions;

internal static partial class CelRuntime
{
    public static CelValue Index(CelValue target, CelValue index)
    {
        if (TryPropagate(target, index, out var propagated))
        {
            return propagated;
        }
        switch (target.Kind)
        {
            case CelValueKind.List:
                var items = target.ListValue.Items;
                long position;
                switch (index.Kind)
                {
                    case CelValueKind.Int:
                        position = index.IntValue;
                        break;
                    case CelValueKind.Uint:
                        position = index.UIntValue > int.MaxValue ? -1 : (long)index.UIntValue;
                        break;
                    case CelValueKind.Double when Math.Floor(index.DoubleValue) == index.DoubleValue && Math.Abs(index.DoubleValue) < 1e18:
                        position = (long)index.DoubleValue;
                        break;
                    case CelValueKind.Double:
                        return CelValue.Error($"invalid_argument: list index {index.DoubleValue} is not an integer");
                    default:
                        return CelValue.Error($"invalid_argument: a list index must be an int, not {CelTypes.ShortName(index)}");
                }
                return position >= 0 && position < items.Length
                    ? items[position]
                    : CelValue.Error($"invalid_argument: index out of range: {position} (list size {items.Length})");
            case CelValueKind.Map:
                return target.MapValue.TryGetValue(index, out var value) ? value : CelValue.Error(CelError.NoSuchKey);
            default:
                return NoSuchOverload(CelOperators.Index, target, index);
        }
    }

    /// <summary><c>e.f</c>: a map entry with the string key <c>f</c>.</summary>
    public static CelValue Select(CelValue target, CelValue field)
    {
        if (target.Kind == CelValueKind.Map)
        {
            return target.MapValue.TryGetValue(field, out var value)
                ? value
                : CelValue.Error($"no such key: '{field.StringValue}'");
        }
        return target.IsErrorOrUnknown
            ? target
            : CelValue.Error($"type '{CelTypes.ShortName(target)}' does not support field selection");
    }

    /// <summary><c>has(e.f)</c>.</summary>
    public static CelValue Has(CelValue target, CelValue field)
    {
        if (target.Kind == CelValueKind.Map)
        {
            return CelValue.FromBool(target.MapValue.ContainsKey(field));
        }
        return target.IsErrorOrUnknown
            ? target
            : CelValue.Error($"invalid type for has(): '{CelTypes.ShortName(target)}' has no fields");
    }

    public static CelValue Size(CelValue a) => a.Kind switch
    {
        CelValueKind.String => CelValue.FromInt(CelStrings.CodePointCount(a.StringValue)),
        CelValueKind.Bytes => CelValue.FromInt(a.BytesValue.Length),
        CelValueKind.List => CelValue.FromInt(a.ListValue.Count),
        CelValueKind.Map => CelValue.FromInt(a.MapValue.Count),
        _ => a.IsErrorOrUnknown ? a : NoSuchOverload("size", a),
    };

    public static CelValue MakeList(CelValue[] items, ref CelEvalState state)
    {
        CelValue failure = default;
        foreach (var item in items)
        {
            if (item.IsErrorOrUnknown)
            {
                failure = failure.Kind == CelValueKind.None ? item : Merge(failure, item);
            }
        }
        if (failure.Kind != CelValueKind.None)
        {
            return failure;
        }
        return items.Length > state.Options.MaxCollectionSize ? CollectionTooLarge(state) : CelValue.List(new CelList(items));
    }

    public static CelValue MakeMap(CelValue[] keys, CelValue[] values, ref CelEvalState state)
    {
        CelValue failure = default;
        for (var i = 0; i < keys.Length; i++)
        {
            foreach (var item in (ReadOnlySpan<CelValue>)[keys[i], values[i]])
            {
                if (item.IsErrorOrUnknown)
                {
                    failure = failure.Kind == CelValueKind.None ? item : Merge(failure, item);
                }
            }
        }
        if (failure.Kind != CelValueKind.None)
        {
            return failure;
        }
        return keys.Length > state.Options.MaxCollectionSize ? CollectionTooLarge(state) : CelMap.Create(keys, values);
    }

    /// <summary>What a comprehension iterates: a list's elements or a map's keys; an error for anything else.</summary>
    public static CelValue IterationRange(CelValue range, string macro)
    {
        return range.Kind switch
        {
            CelValueKind.List => range,
            CelValueKind.Map => CelValue.List(new CelList(range.MapValue.KeyArray)),
            _ => range.IsErrorOrUnknown ? range : CelValue.Error($"found no matching overload for '{macro}' applied to '({CelTypes.ShortName(range)})'"),
        };
    }

    public static CelValue[] IterationItems(CelValue range) => range.ListValue.Items;

    /// <summary>Spends one unit of budget per macro iteration.</summary>
    public static bool Step(ref CelEvalState state) => state.TrySpend(1);

    public static CelValue CostExceeded() => CelValue.Error(CelError.CostExceeded);

    /// <summary><c>exists_one</c>'s step: counts true predicates; an error or non-bool ends the count.</summary>
    public static CelValue CountTrue(CelValue count, CelValue predicate)
    {
        if (predicate.Kind == CelValueKind.Bool)
        {
            return predicate.BoolValue ? CelValue.FromInt(count.IntValue + 1) : count;
        }
        return predicate.IsErrorOrUnknown ? predicate : NoSuchOverload("exists_one", predicate);
    }

    public static CelValue ExactlyOne(CelValue count) => count.Kind == CelValueKind.Int ? CelValue.FromBool(count.IntValue == 1) : count;

    /// <summary><c>all</c>'s step: <c>accu &amp;&amp; predicate</c>, errors absorbed by a later false.</summary>
    public static CelValue AllStep(CelValue accumulator, CelValue predicate) => AndRest(accumulator, predicate);

    /// <summary><c>exists</c>' step: <c>accu || predicate</c>.</summary>
    public static CelValue ExistsStep(CelValue accumulator, CelValue predicate) => OrRest(accumulator, predicate);

    /// <summary>Whether a filter predicate selects the element; <see langword="null"/> (with the error) when it is not a bool.</summary>
    public static CelValue FilterTest(CelValue predicate) =>
        predicate.Kind == CelValueKind.Bool || predicate.IsErrorOrUnknown ? predicate : NoSuchOverload("filter", predicate);

    public static CelValue AppendResult(List<CelValue> builder, CelValue item, ref CelEvalState state)
    {
        if (item.IsErrorOrUnknown)
        {
            return item;
        }
        if (builder.Count >= state.Options.MaxCollectionSize)
        {
            return CollectionTooLarge(state);
        }
        builder.Add(item);
        return CelValue.True;
    }

    public static List<CelValue> NewBuilder() => [];

    public static CelValue[] NewArray(int length) => length == 0 ? [] : new CelValue[length];

    public static CelValue BuildList(List<CelValue> builder) => CelValue.List(new CelList([.. builder]));

    /// <summary>Whether a value is an error or unknown.</summary>
    public static bool IsFailure(CelValue value) => value.IsErrorOrUnknown;

    /// <summary>Whether a macro ended because the cost budget ran out (which no later logic may absorb).</summary>
    public static bool IsCostError(CelValue value) => value.IsError && ReferenceEquals(value.ErrorRef, CelError.CostExceeded);
}
