// The media types of image manifests and of the blobs they reference, as the container image
// specs spell them: facts both the suite and the reference server need, written down once
// (constants only; what each side does with them stays on that side). The ECR Public model types
// them as its `MediaType` shape, a plain string (PutImageRequest.imageManifestMediaType,
// ImageDetail.artifactMediaType, Layer.mediaType); the fact sheet lists the formats ECR Public
// accepts in §5.2.
#pragma once

namespace ecrc::spec {

// Docker Image Manifest Version 2, Schema 2: the single-platform manifest, the manifest list,
// and the config and layer blobs a manifest references.
inline constexpr char kDockerSchema2MediaType[] = "application/vnd.docker.distribution.manifest.v2+json";
inline constexpr char kDockerManifestListMediaType[] = "application/vnd.docker.distribution.manifest.list.v2+json";
inline constexpr char kDockerConfigMediaType[] = "application/vnd.docker.container.image.v1+json";
inline constexpr char kDockerLayerMediaType[] = "application/vnd.docker.image.rootfs.diff.tar.gzip";

// Docker Image Manifest Version 2, Schema 1 (legacy), unsigned and signed.
inline constexpr char kDockerSchema1MediaType[] = "application/vnd.docker.distribution.manifest.v1+json";
inline constexpr char kDockerSchema1SignedMediaType[] = "application/vnd.docker.distribution.manifest.v1+prettyjws";

// OCI image-spec (media-types.md): image manifest, image index, image config, gzip layer.
inline constexpr char kOciManifestMediaType[] = "application/vnd.oci.image.manifest.v1+json";
inline constexpr char kOciIndexMediaType[] = "application/vnd.oci.image.index.v1+json";
inline constexpr char kOciConfigMediaType[] = "application/vnd.oci.image.config.v1+json";
inline constexpr char kOciLayerMediaType[] = "application/vnd.oci.image.layer.v1.tar+gzip";

// OCI image-spec 1.1 release candidates' artifact manifest (dropped before 1.1.0, still pushed
// by some tools): no schemaVersion, its content under "blobs".
inline constexpr char kOciArtifactManifestMediaType[] = "application/vnd.oci.artifact.manifest.v1+json";

}  // namespace ecrc::spec
