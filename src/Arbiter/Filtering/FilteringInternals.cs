using System.Runtime.CompilerServices;

// The data tests build residual filters with an evaluator (ResidualFilter.Evaluate is internal: the engine sets it).
[assembly: InternalsVisibleTo("Arbiter.Data.Tests")]
