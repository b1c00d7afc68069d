import fs from 'node:fs';
import inspector from 'node:inspector';

// Preloaded into the server by `profile.js … heap` (`--require`): V8's sampling heap profiler,
// started on SIGUSR2 (after the warm-up) and written to HEAP_SAMPLER_FILE when the process exits.
// It keeps the samples of objects that minor and major GCs already collected, so it shows what a
// request allocates, not what survives it; with HEAP_SAMPLER_SURVIVORS=1 it drops what scavenges
// collected, so it shows what outlived them (promoted to the old generation: what full GCs
// then collect, or what is still alive). The in-thread inspector session answers synchronously,
// so the profile can be taken in the exit handler.
const file = process.env.HEAP_SAMPLER_FILE;
if (file) {
  const session = new inspector.Session();
  session.connect();
  const interval = Number(process.env.HEAP_SAMPLER_INTERVAL ?? 4096);
  process.on('SIGUSR2', () => {
    session.post('HeapProfiler.startSampling', {
      samplingInterval: interval,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: process.env.HEAP_SAMPLER_SURVIVORS !== '1',
    } as inspector.HeapProfiler.StartSamplingParameterType);
  });
  process.on('exit', () => {
    session.post('HeapProfiler.stopSampling', (error, result) => {
      if (!error) fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
