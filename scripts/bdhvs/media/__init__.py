"""Media for the guides: annotated screenshots, phone-screen sketches, video facades,
local video and audio clips. One module per concern:

- ``spec``     the annotation YAML format (schema, loading with line numbers, validation)
- ``draw``     drawing primitives shared by screenshots and sketches (fonts, callouts…)
- ``render``   screenshot rendering: redaction, crop, annotations, resize
- ``sketch``   phone-screen sketches ("Hình minh hoạ") drawn from the YAML
- ``encode``   metadata-free, deterministic WebP/PNG encoding under a byte budget
- ``cache``    content-hash cache of rendered images
- ``catalog``  what a media folder holds and what the build publishes from it
- ``pages``    HTML post-processing of images (size, lazy loading, zoom, captions)
- ``video``    data/videos.yml, the click-to-load facade and local video
- ``audio``    recorded clips per step/page with transcripts
- ``check``    all media findings for `bdhvs images --check` and the checks
- ``feature``  the MkDocs feature (thin)
- ``bench``    bytes before/after and page weight with/without the facade
"""
