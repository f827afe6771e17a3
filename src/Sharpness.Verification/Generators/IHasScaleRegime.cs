namespace Sharpness.Verification.Generators;

/// <summary>A generated case that knows which part of the double range it samples (moderate, tiny, huge, at the edge).</summary>
public interface IHasScaleRegime
{
    /// <summary>The scale regime, one label per part of the range, for FsCheck's Classify.</summary>
    string ScaleRegime { get; }
}
