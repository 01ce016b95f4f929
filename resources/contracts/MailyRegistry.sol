// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title MailyRegistry
/// @notice Anchors Maily trust certificates: a certificate uid and the content hash it
/// signs, recorded once with who anchored it and when. Only the anchorer can revoke.
contract MailyRegistry {
    struct Anchor {
        bytes32 contentHash;
        address anchorer;
        uint64 time;
        uint64 blockNumber;
        uint64 revokedAt;
        string reason;
    }

    mapping(bytes32 => Anchor) private anchors;

    event Anchored(bytes32 indexed uid, bytes32 contentHash, address indexed anchorer, uint256 time);
    event Revoked(bytes32 indexed uid, address indexed anchorer, string reason, uint256 time);

    error AlreadyAnchored(bytes32 uid);
    error NotAnchored(bytes32 uid);
    error NotAnchorer(bytes32 uid, address anchorer);
    error AlreadyRevoked(bytes32 uid);
    error EmptyHash();

    /// @notice Records `contentHash` for `uid`. A uid can be anchored only once.
    function anchor(bytes32 uid, bytes32 contentHash) external {
        if (contentHash == bytes32(0)) revert EmptyHash();
        if (anchors[uid].anchorer != address(0)) revert AlreadyAnchored(uid);
        anchors[uid] = Anchor(contentHash, msg.sender, uint64(block.timestamp), uint64(block.number), 0, "");
        emit Anchored(uid, contentHash, msg.sender, block.timestamp);
    }

    /// @notice Marks `uid` revoked with a reason. Only its anchorer can, once.
    function revoke(bytes32 uid, string calldata reason) external {
        Anchor storage a = anchors[uid];
        if (a.anchorer == address(0)) revert NotAnchored(uid);
        if (a.anchorer != msg.sender) revert NotAnchorer(uid, a.anchorer);
        if (a.revokedAt != 0) revert AlreadyRevoked(uid);
        a.revokedAt = uint64(block.timestamp);
        a.reason = reason;
        emit Revoked(uid, msg.sender, reason, block.timestamp);
    }

    /// @notice Everything recorded for `uid`; `anchorer` is zero when it was never anchored.
    function status(bytes32 uid)
        external
        view
        returns (
            bytes32 contentHash,
            address anchorer,
            uint64 time,
            uint64 blockNumber,
            uint64 revokedAt,
            string memory reason
        )
    {
        Anchor storage a = anchors[uid];
        return (a.contentHash, a.anchorer, a.time, a.blockNumber, a.revokedAt, a.reason);
    }
}
