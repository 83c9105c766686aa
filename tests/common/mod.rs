//! What the integration tests share.

use cotejo::pipeline::AlignedPair;

/// Every paragraph in exactly one link, in order, so links never cross.
pub fn assert_monotone_cover(pair: &AlignedPair) {
    let src: Vec<usize> = pair
        .links
        .iter()
        .flat_map(|l| l.link.source.clone())
        .collect();
    let tgt: Vec<usize> = pair
        .links
        .iter()
        .flat_map(|l| l.link.target.clone())
        .collect();
    assert_eq!(src, (0..pair.source.paragraphs.len()).collect::<Vec<_>>());
    assert_eq!(tgt, (0..pair.target.paragraphs.len()).collect::<Vec<_>>());
    for l in &pair.links {
        assert!(!(l.link.source.is_empty() && l.link.target.is_empty()));
        assert!(
            (0.0..=1.0).contains(&l.link.score.score),
            "{:?}",
            l.link.score
        );
    }
}
