namespace Arbiter.Conformance.Tests.Cel;

/// <summary>
/// The one place that lists which CEL conformance tests are out of Arbiter's dialect, by section (or by test where only
/// some tests of a section are), with the reason. Everything else must pass.
/// </summary>
internal static class CelConformanceScope
{
    private const string ProtobufMessages = "needs protobuf messages (TestAllTypes, google.protobuf.Value/Any/wrappers): Arbiter's CEL has no message types";
    private const string StringExtensions = "string extension functions (charAt, indexOf, lastIndexOf, replace, split, substring, trim, join, quote, format, reverse) are not in the dialect; only lowerAscii and upperAscii are";

    /// <summary>Keys are <c>file/section</c> or <c>file/section/test</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> OutOfScope = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["comparisons/eq_wrapper"] = ProtobufMessages,
        ["comparisons/eq_literal/eq_dyn_json_null"] = ProtobufMessages,
        ["comparisons/eq_literal/not_eq_dyn_proto2_msg_null"] = ProtobufMessages,
        ["comparisons/eq_literal/not_eq_dyn_proto3_msg_null"] = ProtobufMessages,
        ["comparisons/ne_literal/ne_proto2"] = ProtobufMessages,
        ["comparisons/ne_literal/ne_proto3"] = ProtobufMessages,
        ["comparisons/ne_literal/ne_proto2_missing_fields_neq"] = ProtobufMessages,
        ["comparisons/ne_literal/ne_proto3_missing_fields_neq"] = ProtobufMessages,
        ["comparisons/ne_literal/ne_proto_nan_not_equal"] = ProtobufMessages,
        ["comparisons/ne_literal/ne_proto_different_types"] = ProtobufMessages,
        ["comparisons/ne_literal/ne_proto2_any_unpack"] = ProtobufMessages,
        ["comparisons/ne_literal/ne_proto2_any_unpack_bytewise_fallback"] = ProtobufMessages,
        ["comparisons/ne_literal/ne_proto3_any_unpack"] = ProtobufMessages,
        ["comparisons/ne_literal/ne_proto3_any_unpack_bytewise_fallback"] = ProtobufMessages,
        ["string_ext/char_at"] = StringExtensions,
        ["string_ext/index_of"] = StringExtensions,
        ["string_ext/last_index_of"] = StringExtensions,
        ["string_ext/replace"] = StringExtensions,
        ["string_ext/split"] = StringExtensions,
        ["string_ext/substring"] = StringExtensions,
        ["string_ext/trim"] = StringExtensions,
        ["string_ext/join"] = StringExtensions,
        ["string_ext/quote"] = StringExtensions,
        ["string_ext/format"] = StringExtensions,
        ["string_ext/format_errors"] = StringExtensions,
        ["string_ext/value_errors"] = StringExtensions,
        ["string_ext/type_errors"] = StringExtensions,
        ["string_ext/reverse"] = StringExtensions,
    };

    /// <summary>The files the runner reads.</summary>
    public static readonly string[] Files =
    [
        "basic", "comparisons", "conversions", "fields", "fp_math", "integer_math", "lists", "logic", "macros", "string",
        "string_ext", "timestamps",
    ];

    public static string? ReasonToSkip(CelConformanceCase test) =>
        OutOfScope.TryGetValue($"{test.File}/{test.Section}/{test.Name}", out var reason) ? reason
        : OutOfScope.TryGetValue($"{test.File}/{test.Section}", out var sectionReason) ? sectionReason
        : null;
}
