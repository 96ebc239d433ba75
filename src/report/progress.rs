//! The progress bar of a batch: on stderr, only when stderr is a terminal and the batch
//! has at least [`MIN_INPUTS`] inputs, so pipes, logs and short runs see nothing.

use std::io::IsTerminal;

/// Batches smaller than this show no bar: they end before one would help.
const MIN_INPUTS: usize = 20;

/// A progress bar over a batch's inputs, or nothing (see the module doc).
pub(crate) struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// A bar over `total` inputs, drawn only on a terminal and for [`MIN_INPUTS`] or more.
    pub(crate) fn start(total: usize) -> Progress {
        Progress(
            (total >= MIN_INPUTS && std::io::stderr().is_terminal())
                .then(|| indicatif::ProgressBar::new(total as u64)),
        )
    }

    /// One more input is done (called from any worker thread).
    pub(crate) fn tick(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Clears the bar once the batch has ended.
    pub(crate) fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}
