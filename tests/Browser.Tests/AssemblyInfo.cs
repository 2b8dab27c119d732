// One Chromium and one Host at a time: the machine has 2 cores and the Studio is heavy.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
