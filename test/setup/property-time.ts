// A property that fails goes on to shrink its counterexample, and with a database behind each run
// that can outlast the test's timeout: CI then printed "Exceeded timeout" and no counterexample.
// fast-check stops at this limit (below jest's 30 s) and reports what it has: a failure with the
// counterexample shrunk so far, or, on a machine too busy to finish every run, the runs it made.
// Tests given a longer timeout set `interruptAfterTimeLimit` 30 s below it.
import fc from 'fast-check';

fc.configureGlobal({ interruptAfterTimeLimit: 20_000 });
